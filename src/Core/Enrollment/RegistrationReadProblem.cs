using EntraStrongAuth.Core.Errors;

namespace EntraStrongAuth.Core.Enrollment;

/// <summary>
/// A registration export line (or the whole file) that could not be read: file, line, column and what was expected.
/// The cmdlet turns it into a non-terminating error; the other lines are still read.
/// </summary>
public sealed class RegistrationReadProblem
{
    /// <summary>The header has no column for the user or for the registered methods: not a registration report.</summary>
    public const string ColumnsUnknown = ErrorIds.RegistrationExportColumnsUnknown;

    /// <summary>One line could not be read (a bad value, too few or too many cells); the line was skipped.</summary>
    public const string RowInvalid = ErrorIds.RegistrationExportRowInvalid;

    public const string Empty = ErrorIds.RegistrationExportEmpty;

    public RegistrationReadProblem(string errorId, string file, long? line, string? column, string message)
    {
        ErrorId = errorId;
        File = file;
        Line = line;
        Column = column;
        Message = message;
    }

    public string ErrorId { get; }

    public string File { get; }

    /// <summary>1-based line the record starts on.</summary>
    public long? Line { get; }

    /// <summary>The header of the offending column, as the file writes it.</summary>
    public string? Column { get; }

    public string Message { get; }

    public override string ToString() => ProblemLocation.Format(File, Message, Line, ("column", ProblemLocation.Quoted(Column)));
}
