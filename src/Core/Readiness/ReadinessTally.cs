using System;
using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.Headless;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Core.Readiness;

/// <summary>
/// One user's sign-ins to one app in the window, counted as they are read (nothing is kept but the counts): how
/// they sign in, whether they already prove MFA, and what the policy logged about them in report-only mode.
/// </summary>
public sealed class ReadinessTally
{
    private readonly Dictionary<string, int> _reportOnly = new(StringComparer.OrdinalIgnoreCase);

    public ReadinessTally(string userKey, string? appId)
    {
        UserKey = userKey ?? throw new ArgumentNullException(nameof(userKey));
        AppId = appId;
    }

    /// <summary>The user id, else the user principal name.</summary>
    public string UserKey { get; }

    public string? UserId { get; private set; }

    public string? UserPrincipalName { get; private set; }

    public string? UserType { get; private set; }

    public string? AppId { get; }

    public string? AppDisplayName { get; private set; }

    public int SignIns { get; private set; }

    public int Interactive { get; private set; }

    public int NonInteractive { get; private set; }

    public int PasswordGrant { get; private set; }

    public int Legacy { get; private set; }

    /// <summary>The clientAppUsed of the latest legacy sign-in (for the evidence).</summary>
    public string? LegacyClient { get; private set; }

    public int Successes { get; private set; }

    /// <summary>Successes that already satisfied MFA.</summary>
    public int MfaSuccesses { get; private set; }

    public DateTimeOffset LastSeen { get; private set; } = DateTimeOffset.MinValue;

    /// <summary>Successes on which the policy itself logged its authentication strength as satisfied.</summary>
    public int StrengthSatisfied { get; private set; }

    /// <summary>Sign-ins on which Entra itself found the policy's strength out of the user's reach (cannotSatisfy…).</summary>
    public int StrengthCannotSatisfy { get; private set; }

    /// <summary>The policy's report-only results on these sign-ins (reportOnlyInterrupted → count …).</summary>
    public IReadOnlyDictionary<string, int> ReportOnlyResults => _reportOnly;

    internal void Add(SignInEvent signIn, string? policyId, HeadlessData data)
    {
        if (signIn is null)
        {
            throw new ArgumentNullException(nameof(signIn));
        }

        SignIns++;
        UserId ??= signIn.UserId;
        UserPrincipalName ??= signIn.UserPrincipalName;
        UserType ??= signIn.UserType;
        AppDisplayName ??= signIn.AppDisplayName;
        Interactive += signIn.IsInteractive == true ? 1 : 0;
        NonInteractive += signIn.IsInteractive == false ? 1 : 0;
        PasswordGrant += string.Equals(signIn.AuthenticationProtocol, "ropc", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
        if (data.IsLegacyClient(signIn.ClientAppUsed))
        {
            Legacy++;
            LegacyClient = signIn.ClientAppUsed;
        }

        if (signIn.IsSuccess)
        {
            Successes++;
            MfaSuccesses += SuccessProof.ResolvedBy(signIn) is not null || Passwordless(signIn) ? 1 : 0;
            StrengthSatisfied += signIn.AppliedConditionalAccessPolicies.Any(a => string.Equals(a.Id, policyId, StringComparison.OrdinalIgnoreCase) && string.Equals(a.AuthenticationStrengthResult, "satisfied", StringComparison.OrdinalIgnoreCase)) ? 1 : 0;
        }

        LastSeen = signIn.CreatedDateTime > LastSeen ? signIn.CreatedDateTime : LastSeen;
        if (policyId is null)
        {
            return;
        }

        foreach (var applied in signIn.AppliedConditionalAccessPolicies.Where(a => string.Equals(a.Id, policyId, StringComparison.OrdinalIgnoreCase)))
        {
            if (applied.Result is { } result && result.StartsWith("reportOnly", StringComparison.OrdinalIgnoreCase))
            {
                _reportOnly[result] = _reportOnly.TryGetValue(result, out var n) ? n + 1 : 1;
            }

            StrengthCannotSatisfy += applied.AuthenticationStrengthResult?.StartsWith("cannotSatisfy", StringComparison.OrdinalIgnoreCase) == true ? 1 : 0;
        }
    }

    // A passwordless method as the only step is both factors at once, though the log calls it primary authentication.
    private static readonly string[] PasswordlessMethods = { "FIDO2 security key", "Windows Hello for Business", "Passkey", "Passwordless phone sign-in" };

    private static bool Passwordless(SignInEvent signIn) =>
        signIn.AuthenticationDetails.Any(d => d.Succeeded == true && d.AuthenticationMethod is { } method && PasswordlessMethods.Any(p => method.StartsWith(p, StringComparison.OrdinalIgnoreCase)));

    /// <summary>One line for Export-Csv and Format-Table: the counts the verdict rests on.</summary>
    public override string ToString() =>
        FormattableString.Invariant($"{SignIns} sign-ins ({Interactive} interactive, {NonInteractive} non-interactive, {PasswordGrant} password grant, {Legacy} legacy), {Successes} successes ({MfaSuccesses} with MFA), last {LastSeen.UtcDateTime:yyyy-MM-dd HH:mm} UTC");
}
