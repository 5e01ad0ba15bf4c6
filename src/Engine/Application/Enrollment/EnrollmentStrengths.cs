using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Enrollment;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Core.Policies;
using EntraStrongAuth.Core.Policies.Scope;
using EntraStrongAuth.Core.Strength;
using EntraStrongAuth.Engine.Application.Filtering;
using EntraStrongAuth.Engine.Application.Policies;

namespace EntraStrongAuth.Engine.Application.Enrollment;

/// <summary>
/// Decides which strengths a user is tested against: -AuthenticationStrength and -Policy when given, else the
/// strength a piped failure names (FailureStrengthLink), else the built-in MFA strength. The tenant's strengths and
/// policies are read only when a name or id is not one of the built-in strengths, and then only once.
/// </summary>
public sealed class EnrollmentStrengths
{
    private readonly IEnrollmentData _data;
    private readonly List<AuthenticationStrength> _explicit = new();

    // The policies each strength came from; a strength named directly (or any strength with null) applies to everyone.
    private readonly Dictionary<string, List<StrongAuthPolicy>?> _policiesOf = new(StringComparer.OrdinalIgnoreCase);
    private IReadOnlyList<AuthenticationStrength>? _tenantStrengths;

    // -All asks once per user: the same answer every time until a strength is added.
    private IReadOnlyList<(AuthenticationStrength Strength, string? Reason)>? _explicitChoices;

    public EnrollmentStrengths(IEnrollmentData data)
    {
        _data = data;
    }

    public static AuthenticationStrength Multifactor { get; } = StrengthData.BuiltIn.FindStrength(AuthenticationStrength.MultifactorId)
        ?? throw new InvalidOperationException("The built-in strength data lacks the Multifactor authentication strength.");

    private static IReadOnlyList<(AuthenticationStrength Strength, string? Reason)> MultifactorOnly { get; } = new[] { (Multifactor, (string?)null) };

    /// <summary>The strengths every user is tested against; empty means "per target" (failure's strength or MFA).</summary>
    public IReadOnlyList<AuthenticationStrength> Explicit => _explicit;

    /// <summary>The policies whose user conditions limit who a strength applies to (a strength also named directly has none).</summary>
    public IReadOnlyList<StrongAuthPolicy> ScopingPolicies =>
        _policiesOf.Values.Where(p => p is not null).SelectMany(p => p!).Distinct().ToList();

    /// <summary>
    /// Keeps the strengths whose policy takes this user in (or may: then the reason says the scope is unknown), and
    /// says why none does when every strength came from a policy that leaves the user out.
    /// </summary>
    public (IReadOnlyList<(AuthenticationStrength Strength, string? Reason)> Kept, string? OutOfScope) InScopeOf(
        IReadOnlyList<(AuthenticationStrength Strength, string? Reason)> strengths, ScopeUser user, DirectoryMembership membership)
    {
        var kept = new List<(AuthenticationStrength, string?)>();
        var outReasons = new List<string>();
        foreach (var (strength, reason) in strengths)
        {
            if (!_policiesOf.TryGetValue(strength.Id, out var policies) || policies is null)
            {
                kept.Add((strength, reason));
                continue;
            }

            var verdicts = policies.Select(p => (Policy: p, Verdict: PolicyUserScope.Evaluate(p, user, membership))).ToList();
            if (verdicts.FirstOrDefault(v => v.Verdict.Answer == ScopeAnswer.InScope) is { Policy: not null } inScope)
            {
                kept.Add((strength, "Required by policy '" + inScope.Policy.DisplayName + "' (" + inScope.Verdict.Reason + ")."));
            }
            else if (verdicts.FirstOrDefault(v => v.Verdict.Answer == ScopeAnswer.Unknown) is { Policy: not null } unknown)
            {
                kept.Add((strength, "Policy '" + unknown.Policy.DisplayName + "' may not apply to this user: " + unknown.Verdict.Reason + "."));
            }
            else
            {
                outReasons.AddRange(verdicts.Select(v => "policy '" + v.Policy.DisplayName + "': " + v.Verdict.Reason));
            }
        }

        return (kept, kept.Count == 0 && outReasons.Count > 0 ? "Not in the scope of " + string.Join("; ", outReasons) + "." : null);
    }

    /// <summary>Adds -AuthenticationStrength values: names (wildcards allowed), ids, strength or policy objects (unwrapped by the host).</summary>
    public async Task AddStrengthsAsync(IEnumerable<object> values, CancellationToken cancellationToken)
    {
        foreach (var value in values)
        {
            switch (value)
            {
                case AuthenticationStrength strength:
                    Add(strength);
                    break;
                case StrongAuthPolicy policy:
                    await AddPolicyAsync(policy, cancellationToken).ConfigureAwait(false);
                    break;
                case string text when !string.IsNullOrWhiteSpace(text):
                    var found = await FindAsync(text, cancellationToken).ConfigureAwait(false);
                    if (found.Count == 0)
                    {
                        throw new EntraStrongAuthException(
                            ErrorIds.AuthenticationStrengthNotFound,
                            FailureKind.ObjectNotFound,
                            "No authentication strength has the name or id '" + text + "'.",
                            "Run Get-AuthenticationStrength to see the built-in and the tenant's strengths; names complete with Tab.");
                    }

                    found.ForEach(Add);
                    break;
                default:
                    throw new EntraStrongAuthException(
                        ErrorIds.AuthenticationStrengthInvalid,
                        FailureKind.InvalidArgument,
                        "-AuthenticationStrength takes a name, an id or an object from Get-AuthenticationStrength, not " + (value?.GetType().Name ?? "null") + ".",
                        "Pass a strength name such as 'Phishing-resistant MFA', its id, or pipe Get-AuthenticationStrength.");
            }
        }
    }

    /// <summary>Adds the strengths -Policy values demand: policy objects, or names/ids (wildcards) of the tenant's policies.</summary>
    public async Task AddPoliciesAsync(IEnumerable<object> values, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        foreach (var value in values)
        {
            switch (value)
            {
                case StrongAuthPolicy policy:
                    await AddPolicyAsync(policy, cancellationToken).ConfigureAwait(false);
                    break;
                case string text when !string.IsNullOrWhiteSpace(text):
                    names.Add(text);
                    break;
                default:
                    throw new EntraStrongAuthException(
                        ErrorIds.StrongAuthPolicyInvalid,
                        FailureKind.InvalidArgument,
                        "-Policy takes a policy name, an id or an object from Get-StrongAuthPolicy, not " + (value?.GetType().Name ?? "null") + ".",
                        "Pass a Conditional Access policy name (wildcards allowed) or an object from Get-StrongAuthPolicy.");
            }
        }

        if (names.Count == 0)
        {
            return;
        }

        var matcher = new StrengthNameMatcher(names);
        var policies = (await _data.ReadPoliciesAsync(cancellationToken).ConfigureAwait(false))
            .Where(p => p.DemandsStrongAuthentication && matcher.Matches(p.DisplayName, p.Id))
            .ToList();
        foreach (var name in matcher.Unmatched(policies.Select(p => new string?[] { p.DisplayName, p.Id }).ToList()))
        {
            throw new EntraStrongAuthException(
                ErrorIds.StrongAuthPolicyNotFound,
                FailureKind.ObjectNotFound,
                "No Conditional Access policy named '" + name + "' demands MFA or an authentication strength.",
                "Run Get-StrongAuthPolicy -IncludeDisabled to see the policies that do; names complete with Tab once read.");
        }

        foreach (var policy in policies)
        {
            await AddPolicyAsync(policy, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The strengths to test one target against, and why, when the caller did not name them.</summary>
    public async Task<IReadOnlyList<(AuthenticationStrength Strength, string? Reason)>> ForAsync(EnrollmentTarget? target, CancellationToken cancellationToken)
    {
        if (_explicit.Count > 0)
        {
            return _explicitChoices ??= _explicit.Select(s => (s, (string?)null)).ToList();
        }

        if (target?.Failure is not { } failure)
        {
            return MultifactorOnly;
        }

        // Built-in names need no request; the tenant's strengths are read only for a name the built-ins lack.
        var choice = FailureStrengthLink.ForFailure(failure, Array.Empty<AuthenticationStrength>());
        if (choice.IsFallback && !string.IsNullOrWhiteSpace(failure.AuthenticationStrength))
        {
            choice = FailureStrengthLink.ForFailure(failure, await TenantStrengthsAsync(cancellationToken).ConfigureAwait(false));
        }

        return new[] { (choice.Strength ?? Multifactor, (string?)choice.Reason) };
    }

    private async Task AddPolicyAsync(StrongAuthPolicy policy, CancellationToken cancellationToken)
    {
        var choice = FailureStrengthLink.ForPolicy(policy, Array.Empty<AuthenticationStrength>());
        if (choice.Strength is null && policy.AuthenticationStrengthId is not null)
        {
            choice = FailureStrengthLink.ForPolicy(policy, await TenantStrengthsAsync(cancellationToken).ConfigureAwait(false));
        }

        AddFromPolicy(policy, choice.Strength ?? throw new EntraStrongAuthException(
            ErrorIds.StrongAuthPolicyStrengthUnknown,
            FailureKind.InvalidData,
            choice.Reason,
            "Connect with Policy.Read.All so the tenant's strengths can be read, or add their saved JSON to -Path."));
    }

    private async Task<List<AuthenticationStrength>> FindAsync(string text, CancellationToken cancellationToken)
    {
        if (!NamePattern.ContainsWildcardCharacters(text))
        {
            var found = FailureStrengthLink.Find(text, Array.Empty<AuthenticationStrength>())
                ?? FailureStrengthLink.Find(text, await TenantStrengthsAsync(cancellationToken).ConfigureAwait(false));
            return found is null ? new List<AuthenticationStrength>() : new List<AuthenticationStrength> { found };
        }

        var matcher = new StrengthNameMatcher(new[] { text });
        var tenant = await TenantStrengthsAsync(cancellationToken).ConfigureAwait(false);
        return tenant.Concat(StrengthData.BuiltIn.Strengths)
            .Where(s => matcher.Matches(s.DisplayName, s.Id))
            .GroupBy(s => s.Id, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.First())
            .ToList();
    }

    private async Task<IReadOnlyList<AuthenticationStrength>> TenantStrengthsAsync(CancellationToken cancellationToken) =>
        _tenantStrengths ??= await _data.ReadStrengthsAsync(cancellationToken).ConfigureAwait(false);

    private void AddFromPolicy(StrongAuthPolicy policy, AuthenticationStrength strength)
    {
        var named = _policiesOf.TryGetValue(strength.Id, out var policies) && policies is null;
        AddOnly(strength);
        if (!named)
        {
            policies ??= new List<StrongAuthPolicy>();
            policies.Add(policy);
            _policiesOf[strength.Id] = policies;
        }
    }

    private void Add(AuthenticationStrength strength)
    {
        // Named directly: it applies to every user, whatever policy also demands it.
        _policiesOf[strength.Id] = null;
        AddOnly(strength);
    }

    private void AddOnly(AuthenticationStrength strength)
    {
        if (!_explicit.Any(s => string.Equals(s.Id, strength.Id, StringComparison.OrdinalIgnoreCase)))
        {
            _explicit.Add(strength);
            _explicitChoices = null;
        }
    }
}
