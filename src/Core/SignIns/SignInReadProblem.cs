using System.Globalization;
using EntraStrongAuth.Core.Errors;

namespace EntraStrongAuth.Core.SignIns;

/// <summary>
/// A record (or a whole file) that could not be read: where, which field, what was expected. Becomes a
/// non-terminating ErrorRecord with <see cref="ErrorId"/>; the rest of the input is still read.
/// </summary>
public sealed class SignInReadProblem
{
    public SignInReadProblem(string errorId, string file, string message)
    {
        ErrorId = errorId;
        File = file;
        Message = message;
    }

    /// <summary>Stable id: SignInLogEmpty, SignInLogFormatUnknown, SignInLogTruncated, SignInRecordInvalid, SignInFieldInvalid, SignInCsvRowMismatch, SignInLogUnreadable.</summary>
    public string ErrorId { get; }

    public string File { get; }

    /// <summary>1-based line, when the format has lines that mean something (CSV, NDJSON) or the JSON reader knows it.</summary>
    public long? Line { get; set; }

    /// <summary>1-based record number within the file.</summary>
    public long? Record { get; set; }

    public string? Field { get; set; }

    public string Message { get; }

    public override string ToString() =>
        ProblemLocation.Format(File, Message, Line, ("record", Record?.ToString(CultureInfo.InvariantCulture)), ("field", ProblemLocation.Quoted(Field)));
}
