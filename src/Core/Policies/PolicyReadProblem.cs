using System.Globalization;
using System.Text;

namespace EntraStrongAuth.Core.Policies;

/// <summary>
/// A policy or strength record (or a whole file) that could not be read. Becomes a non-terminating ErrorRecord (or a
/// warning when <see cref="IsWarning"/>) with <see cref="ErrorId"/>; the other records are still used.
/// </summary>
public sealed class PolicyReadProblem
{
    public PolicyReadProblem(string errorId, string source, string message, int? record = null, string? id = null, bool isWarning = false)
    {
        ErrorId = errorId;
        Source = source;
        Message = message;
        Record = record;
        Id = id;
        IsWarning = isWarning;
    }

    /// <summary>Stable id: PolicyFileUnreadable, PolicyRecordInvalid, StrengthRecordInvalid, StrengthConfigurationUnknown.</summary>
    public string ErrorId { get; }

    /// <summary>The file, or "Graph" and the request path.</summary>
    public string Source { get; }

    /// <summary>1-based position of the record in its file or page.</summary>
    public int? Record { get; }

    /// <summary>The record's id when it could be read.</summary>
    public string? Id { get; }

    public string Message { get; }

    /// <summary>The record was used, but something in it was left out (an unknown configuration kind).</summary>
    public bool IsWarning { get; }

    public override string ToString()
    {
        var text = new StringBuilder(Source);
        if (Record is { } record)
        {
            text.Append(", record ").Append(record.ToString(CultureInfo.InvariantCulture));
        }

        if (Id is { } id)
        {
            text.Append(" (id ").Append(id).Append(')');
        }

        return text.Append(": ").Append(Message).ToString();
    }
}
