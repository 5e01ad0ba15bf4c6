using System;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Engine.SignIns;

/// <summary>The stable error ids of <see cref="SignInReadProblem"/> and one way to make each item.</summary>
internal static class SignInProblems
{
    public const string LogEmpty = ErrorIds.SignInLogEmpty;
    public const string FormatUnknown = ErrorIds.SignInLogFormatUnknown;
    public const string Truncated = ErrorIds.SignInLogTruncated;
    public const string RecordInvalid = ErrorIds.SignInRecordInvalid;
    public const string FieldInvalid = ErrorIds.SignInFieldInvalid;
    public const string CsvRowMismatch = ErrorIds.SignInCsvRowMismatch;
    public const string Unreadable = ErrorIds.SignInLogUnreadable;

    public static SignInReadItem Create(string errorId, string file, string message, long? line = null, long? record = null, string? field = null) =>
        new(new SignInReadProblem(errorId, file, message) { Line = line, Record = record, Field = field });

    public static SignInReadItem UnreadableFile(string file, Exception exception) =>
        Create(Unreadable, file, "The file cannot be read: " + exception.Message);

    /// <summary>A value as a message shows it: quoted, on one line (control characters escaped), and cut short so one bad cell cannot flood the console.</summary>
    public static string Show(string? text)
    {
        if (text is null)
        {
            return "null";
        }

        return "\"" + MessageText.EscapeValue(text.Length > 80 ? text.Substring(0, 77) + "..." : text) + "\"";
    }
}
