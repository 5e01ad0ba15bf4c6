namespace EntraStrongAuth.Engine.SignIns;

/// <summary>Tells the builder where a record starts, only when a problem needs the line (counting is not free).</summary>
internal interface IRecordLocator
{
    long? LineOf(int recordPosition);
}
