using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Enrollment;
using EntraStrongAuth.Core.Policies.Scope;

namespace EntraStrongAuth.Engine.Application.Enrollment;

/// <summary>
/// One Test-MfaEnrollment invocation's evaluation: the methods policy and group membership read once, each user
/// assessed against each chosen strength, exclusions applied, results (or booleans with -Quiet) written, and the
/// counts the -Verbose summary reports.
/// </summary>
public sealed class EnrollmentRun
{
    private readonly IEnrollmentData _data;
    private readonly EnrollmentStrengths _strengths;
    private readonly EnrollmentExclusions _exclusions;
    private readonly IRunHost _host;
    private readonly HashSet<string> _done = new(StringComparer.OrdinalIgnoreCase);
    private TenantMethodsPolicy? _policy;
    private GroupMembership? _membership;
    private EnrollmentAssessmentOptions? _options;
    private DirectoryMembership _scope = DirectoryMembership.None;
    private bool _hasScoping;

    public EnrollmentRun(IEnrollmentData data, EnrollmentStrengths strengths, EnrollmentExclusions exclusions, IRunHost host)
    {
        _data = data;
        _strengths = strengths;
        _exclusions = exclusions;
        _host = host;
    }

    public bool Quiet { get; init; }

    public DateTimeOffset Now { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>Distinct users seen, excluded ones included.</summary>
    public int Users { get; private set; }

    public int Results { get; private set; }

    public int NotCapable { get; private set; }

    /// <summary>Reads the methods policy and the groups it targets, once.</summary>
    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        if (_options is not null)
        {
            return;
        }

        (_policy, _membership) = await _data.ReadMethodsPolicyAsync(cancellationToken).ConfigureAwait(false);
        var scoping = _strengths.ScopingPolicies;
        _hasScoping = scoping.Count > 0;
        if (_hasScoping)
        {
            _scope = await _data.ReadDirectoryMembershipAsync(PolicyUserScope.GroupsNamed(scoping), PolicyUserScope.RolesNamed(scoping), cancellationToken).ConfigureAwait(false);
        }

        _options = new EnrollmentAssessmentOptions(Now)
        {
            PolicyUnavailableReason = _policy.IsKnown ? null : _data.MethodsPolicyUnavailableReason,
            MembershipComplete = _membership.IsComplete,
        };
    }

    /// <summary>
    /// Assesses one user. A named target that is excluded still gets a result saying so (a user asked about is never
    /// silently dropped); with -All an excluded user is only counted.
    /// </summary>
    public async Task AssessAsync(UserMethodsSnapshot user, EnrollmentTarget? target, bool? accountEnabled, CancellationToken cancellationToken)
    {
        await PrepareAsync(cancellationToken).ConfigureAwait(false);
        var strengths = await _strengths.ForAsync(target, cancellationToken).ConfigureAwait(false);
        var fresh = strengths.Where(s => _done.Add(user.UserId + "|" + s.Strength.Id)).ToList();
        if (fresh.Count == 0)
        {
            return;
        }

        Users++;
        // Only -Policy's strengths are limited to a scope; without them every strength applies to every user.
        var (inScope, outOfScope) = _hasScoping
            ? _strengths.InScopeOf(fresh, new ScopeUser(user.UserId, user.UserPrincipalName, user.UserType), _scope)
            : (fresh, null);
        var exclusion = _exclusions.ReasonFor(user, accountEnabled);
        if (exclusion is null && outOfScope is not null)
        {
            exclusion = _exclusions.Count(EnrollmentExclusion.OutOfPolicyScope);
        }

        if (exclusion is { } excluded)
        {
            if (target is not null && !Quiet)
            {
                foreach (var (strength, _) in fresh)
                {
                    Results++;
                    await _host.WriteOutputAsync(EnrollmentAssessor.Excluded(user, strength, excluded, excluded == EnrollmentExclusion.OutOfPolicyScope ? outOfScope : null)).ConfigureAwait(false);
                }
            }

            return;
        }

        fresh = inScope.ToList();

        var policyForUser = _policy!.ForUser(user.UserId, _membership!.GroupsOf(user.UserId), user.IsGuest);
        foreach (var (strength, reason) in fresh)
        {
            var result = EnrollmentAssessor.Assess(user, strength, policyForUser, _options!, reason);
            Results++;
            NotCapable += result.IsCapable == true ? 0 : 1;
            await _host.WriteOutputAsync(Quiet ? result.IsCapable == true : result).ConfigureAwait(false);
        }
    }

    public async Task SummarizeAsync(string source)
    {
        // Users were read but every one was set aside: say so, or the command would end with no output and no word.
        if (Results == 0 && Users > 0)
        {
            await _host.WriteWarningAsync(string.Format(
                CultureInfo.InvariantCulture,
                "No user was tested: all {0} users from {1} were set aside ({2}). Check -Policy's scope, -ExcludeUserPrincipalName and -ExcludeGuest, or add -IncludeDisabled.",
                Users,
                source,
                ExcludedText())).ConfigureAwait(false);
        }

        await _host.WriteVerboseAsync(string.Format(
            CultureInfo.InvariantCulture,
            "{0} users from {1}: {2} results, {3} not capable now; excluded: {4}; {5} requests to Microsoft Graph.",
            Users,
            source,
            Results,
            NotCapable,
            ExcludedText(),
            _data.Requests)).ConfigureAwait(false);
    }

    private string ExcludedText() => _exclusions.Counts.Count == 0
        ? "none"
        : string.Join(", ", _exclusions.Counts.OrderBy(c => c.Key).Select(c => c.Value.ToString(CultureInfo.InvariantCulture) + " " + c.Key));
}
