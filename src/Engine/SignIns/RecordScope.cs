using System;
using System.Collections.Generic;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Engine.SignIns;

/// <summary>
/// Which records a reader fills whole. Failure analysis classifies only the failures of its codes; every other record
/// (most of a tenant's log: on the generator's 1 GB, 217,000 of 229,000 are successes) only feeds the outcome linker,
/// which needs the time, the error code, the link ids, the user and app, and the MFA evidence of a success. Such a
/// record is read <em>lean</em>: its other properties are skipped by the JSON reader (no strings, no policy objects),
/// its other CSV cells are not converted. A lean read that finds one of the whole-record codes reads the record again
/// whole, from the buffer it is still in. A lean record does not report problems in the fields it skipped.
/// </summary>
internal sealed class RecordScope
{
    /// <summary>Every record whole: Import-SignInLog, and any caller that did not ask for less.</summary>
    public static readonly RecordScope Whole = new(null);

    private static readonly bool[] LinkFields = LinkFieldTable();
    private readonly HashSet<int>? _wholeCodes;

    private RecordScope(HashSet<int>? wholeCodes)
    {
        _wholeCodes = wholeCodes;
    }

    /// <summary>False for <see cref="Whole"/>: records are read lean first.</summary>
    public bool IsLean => _wholeCodes is not null;

    /// <summary>Records with one of <paramref name="wholeCodes"/> are read whole, the others lean; null: all whole.</summary>
    public static RecordScope For(IEnumerable<int>? wholeCodes) => wholeCodes is null ? Whole : new RecordScope(new HashSet<int>(wholeCodes));

    /// <summary>A lean read takes this field (the nested objects of the ones it takes are read whole).</summary>
    public static bool IsLinkField(SignInField field) => LinkFields[(int)field];

    /// <summary>A record with this error code must be read whole.</summary>
    public bool NeedsWhole(int errorCode) => _wholeCodes is null || _wholeCodes.Contains(errorCode);

    /// <summary>
    /// The registry's link fields: what FailureLinker, LinkKeys and SuccessProof read of a success or a failure of
    /// another code, and what the record's time and code come from in every format; the user and app also serve the
    /// cmdlet's filters, and the user type and tenants serve -ExcludeGuest, which sets aside (and counts) a guest's
    /// successes too.
    /// </summary>
    private static bool[] LinkFieldTable()
    {
        var table = new bool[Enum.GetNames(typeof(SignInField)).Length];
        foreach (var entry in SignInFieldRegistry.All)
        {
            table[(int)entry.Field] = entry.IsLinkField;
        }

        return table;
    }
}
