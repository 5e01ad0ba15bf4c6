using System;
using System.Globalization;

namespace EntraStrongAuth.Core.Classification;

/// <summary>
/// What the linker keeps of a successful sign-in: when, which, and how it satisfied MFA. A struct of a few words
/// instead of the whole <c>SignInEvent</c>, so the success index stays small.
/// </summary>
internal readonly struct SuccessMark
{
    private readonly Guid _id;
    private readonly string? _idText;

    public SuccessMark(long ticks, string? signInId, string? resolvedBy)
    {
        Ticks = ticks;
        ResolvedBy = resolvedBy;

        // Graph ids are GUIDs: 16 bytes instead of a 36-character string; anything else is kept as text.
        if (signInId is not null && Guid.TryParseExact(signInId.Trim(), "D", out var id))
        {
            _id = id;
            _idText = null;
        }
        else
        {
            _id = Guid.Empty;
            _idText = signInId;
        }
    }

    public long Ticks { get; }

    /// <summary>How the success satisfied MFA; null when it shows none.</summary>
    public string? ResolvedBy { get; }

    public string? SignInId => _idText ?? (_id == Guid.Empty ? null : _id.ToString("D", CultureInfo.InvariantCulture));

    /// <summary>Earlier first, then by id: a total order, so the chosen success never depends on input order.</summary>
    public bool IsBetterThan(SuccessMark other)
    {
        if (Ticks != other.Ticks)
        {
            return Ticks < other.Ticks;
        }

        var byId = _id.CompareTo(other._id);
        return byId != 0 ? byId < 0 : string.CompareOrdinal(_idText, other._idText) < 0;
    }
}
