using System;
using System.Collections.Generic;
using System.Globalization;
using EntraStrongAuth.Core.Classification;

namespace EntraStrongAuth.Core.Diagnosis;

/// <summary>
/// The Test-StrongAuthRemediation command line that proves the fix: the failing user and app, fixed from the time
/// of the diagnosis (a fix applied later only moves -FixedAt). Every value is quoted as a PowerShell literal.
/// </summary>
internal static class VerifyCommand
{
    public static string? For(StrongAuthFailure failure, FailureCause cause, DateTimeOffset fixedAt)
    {
        if (cause == FailureCause.BenignInterrupt)
        {
            return null;
        }

        var parts = new List<string> { "Test-StrongAuthRemediation" };
        if ((failure.UserPrincipalName ?? failure.UserId) is { } user)
        {
            parts.Add("-UserPrincipalName " + PowerShellLiteral.Quote(user));
        }

        // A script moved to a workload identity stops signing in as the user in every app: judge the account, not one app.
        if (cause != FailureCause.HeadlessUserAccount && failure.AppId is { } app)
        {
            parts.Add("-AppId " + PowerShellLiteral.Quote(app));
        }

        parts.Add("-FixedAt " + PowerShellLiteral.Quote(fixedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)));
        return parts.Count == 2 ? null : string.Join(" ", parts);
    }
}
