using System;
using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Engine.Application.Diagnosis;

/// <summary>
/// Which sign-ins belong around a scope's failures: the same correlation; the same user within the windows; the
/// same app's silent strong-auth failures and interactive successes within the windows (its recovery).
/// </summary>
internal sealed class ScopeKeys
{
    private readonly HashSet<string> _correlations;
    private readonly Dictionary<string, (DateTimeOffset From, DateTimeOffset To)> _users = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, (DateTimeOffset From, DateTimeOffset To)> _apps = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<int> _codes;

    public ScopeKeys(DiagnosisScope scope)
    {
        _codes = new HashSet<int>(scope.StrongAuthCodes);
        _correlations = new HashSet<string>(scope.Failures.Select(f => f.CorrelationId).Where(c => !string.IsNullOrEmpty(c))!, StringComparer.OrdinalIgnoreCase);
        foreach (var failure in scope.Failures)
        {
            var span = (failure.CreatedDateTime - scope.Before, failure.CreatedDateTime + scope.After);
            foreach (var user in new[] { failure.UserId, failure.UserPrincipalName }.Where(u => !string.IsNullOrEmpty(u)))
            {
                Widen(_users, user!, span);
            }

            if (!string.IsNullOrEmpty(failure.AppId))
            {
                Widen(_apps, failure.AppId!, span);
            }
        }
    }

    public bool Wants(SignInEvent signIn) =>
        (signIn.CorrelationId is { } correlation && _correlations.Contains(correlation))
        || In(_users, signIn.UserId, signIn) || In(_users, signIn.UserPrincipalName, signIn)
        || (In(_apps, signIn.AppId, signIn) && IsRecoveryEvidence(signIn));

    /// <summary>An app's silent interrupt, or an interactive success that may be its fallback.</summary>
    public bool IsRecoveryEvidence(SignInEvent signIn) =>
        (signIn.IsSuccess && signIn.IsInteractive == true) || (!signIn.IsSuccess && signIn.IsInteractive == false && _codes.Contains(signIn.ErrorCode));

    private static bool In(Dictionary<string, (DateTimeOffset From, DateTimeOffset To)> spans, string? key, SignInEvent signIn) =>
        key is not null && spans.TryGetValue(key, out var span) && signIn.CreatedDateTime >= span.From && signIn.CreatedDateTime <= span.To;

    private static void Widen(Dictionary<string, (DateTimeOffset From, DateTimeOffset To)> spans, string key, (DateTimeOffset From, DateTimeOffset To) span) =>
        spans[key] = spans.TryGetValue(key, out var old) ? (old.From < span.From ? old.From : span.From, old.To > span.To ? old.To : span.To) : span;
}
