using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;

namespace EntraStrongAuth.Cmdlets.SignIns;

/// <summary>
/// Reads loosely-typed values from PowerShell objects: Graph SDK models (Get-MgBetaAuditLogSignIn), ConvertFrom-Json
/// output, Import-Csv rows. Property lookup is case-insensitive, so camelCase JSON and PascalCase SDK objects read alike.
/// </summary>
internal readonly struct PSObjectReader
{
    private readonly PSObject? _object;

    public PSObjectReader(object? value)
    {
        // A PSCustomObject (ConvertFrom-Json, Import-Csv, [pscustomobject]) keeps its properties on the PSObject
        // wrapper, not on the base object, so the wrapper must be kept; other objects are wrapped afresh.
        _object = value switch
        {
            null => null,
            PSObject { BaseObject: PSCustomObject } custom => custom,
            _ => Unwrap(value) is { } inner ? PSObject.AsPSObject(inner) : null,
        };
    }

    public bool Exists => _object is not null;

    public object? Raw(string name) => KeepCustom(_object?.Properties[name]?.Value);

    public PSObjectReader Child(string name) => new(Raw(name));

    public string? String(string name) => Raw(name) switch
    {
        null => null,
        string text => text.Length == 0 ? null : text,
        var other => Convert.ToString(other, CultureInfo.InvariantCulture),
    };

    public bool? Boolean(string name) => Raw(name) switch
    {
        bool flag => flag,
        string text when bool.TryParse(text, out var parsed) => parsed,
        _ => null,
    };

    public int? Integer(string name) => Raw(name) switch
    {
        int number => number,
        long number when number is >= int.MinValue and <= int.MaxValue => (int)number,
        string text when int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    public DateTimeOffset? Time(string name) => Raw(name) switch
    {
        DateTimeOffset time => time,
        // Graph SDK models carry DateTimeOffset; ConvertFrom-Json turns ISO strings into local-kind DateTime.
        DateTime time => ToUtc(time),
        string text when DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) => parsed,
        _ => null,
    };

    public IReadOnlyList<string> Strings(string name)
    {
        var items = new List<string>();
        foreach (var item in Items(name))
        {
            if (Convert.ToString(Unwrap(item), CultureInfo.InvariantCulture) is { Length: > 0 } text)
            {
                items.Add(text);
            }
        }

        return items;
    }

    public IEnumerable<PSObjectReader> Objects(string name)
    {
        foreach (var item in Items(name))
        {
            yield return new PSObjectReader(item);
        }
    }

    private IEnumerable Items(string name) => Raw(name) switch
    {
        null => Array.Empty<object>(),
        string text => new[] { text },
        IEnumerable sequence => sequence,
        var single => new[] { single },
    };

    /// <summary>A DateTime as UTC: an unspecified kind is taken as UTC already (sign-in logs are UTC), local is converted.</summary>
    public static DateTimeOffset ToUtc(DateTime time) =>
        time.Kind == DateTimeKind.Unspecified ? new DateTimeOffset(time, TimeSpan.Zero) : new DateTimeOffset(time.ToUniversalTime(), TimeSpan.Zero);

    /// <summary>The type name of what was piped in, for error messages (the wrapped object's, not PSObject's).</summary>
    public static string TypeName(object? value) => Unwrap(value)?.GetType().Name ?? "null";

    private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;

    private static object? KeepCustom(object? value) => value is PSObject { BaseObject: PSCustomObject } ? value : Unwrap(value);
}
