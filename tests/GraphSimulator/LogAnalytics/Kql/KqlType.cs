using System;

namespace EntraStrongAuth.GraphSimulator.LogAnalytics.Kql;

/// <summary>The Kusto scalar types the simulator knows (int and long both hold a CLR long; guid holds a string).</summary>
public enum KqlType
{
    String,
    Long,
    Int,
    Real,
    Bool,
    DateTime,
    TimeSpan,
    Dynamic,
    Guid,
}

/// <summary>Type names as the query API and getschema spell them.</summary>
public static class KqlTypes
{
    /// <summary>The name in the response's columns[].type and getschema's ColumnType.</summary>
    public static string Name(KqlType type) => type switch
    {
        KqlType.String => "string",
        KqlType.Long => "long",
        KqlType.Int => "int",
        KqlType.Real => "real",
        KqlType.Bool => "bool",
        KqlType.DateTime => "datetime",
        KqlType.TimeSpan => "timespan",
        KqlType.Dynamic => "dynamic",
        KqlType.Guid => "guid",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>getschema's DataType (the CLR type Kusto reports; bool is System.SByte there).</summary>
    public static string ClrName(KqlType type) => type switch
    {
        KqlType.String => "System.String",
        KqlType.Long => "System.Int64",
        KqlType.Int => "System.Int32",
        KqlType.Real => "System.Double",
        KqlType.Bool => "System.SByte",
        KqlType.DateTime => "System.DateTime",
        KqlType.TimeSpan => "System.TimeSpan",
        KqlType.Dynamic => "System.Object",
        KqlType.Guid => "System.Guid",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>A schema file's type name (string, long, datetime, dynamic, bool, real, int, guid, timespan).</summary>
    public static KqlType Parse(string name) => name.ToLowerInvariant() switch
    {
        "string" => KqlType.String,
        "long" => KqlType.Long,
        "int" => KqlType.Int,
        "real" or "double" => KqlType.Real,
        "bool" or "boolean" => KqlType.Bool,
        "datetime" => KqlType.DateTime,
        "timespan" => KqlType.TimeSpan,
        "dynamic" => KqlType.Dynamic,
        "guid" => KqlType.Guid,
        _ => throw new FormatException($"Unknown Kusto type '{name}'."),
    };

    public static bool IsNumeric(KqlType type) => type is KqlType.Long or KqlType.Int or KqlType.Real;
}
