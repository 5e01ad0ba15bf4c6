using Xunit;

namespace EntraStrongAuth.Tests.Hostile;

/// <summary>
/// The hostile-input tests run alone: their time limits and memory figures mean something only when no other test
/// shares the machine's two cores and the managed heap with them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HostileInputSerial
{
    public const string Name = "Hostile input";
}
