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
using EntraStrongAuth.Engine.Application.Policies;
using EntraStrongAuth.Engine.Connection;
using EntraStrongAuth.Engine.Enrollment;
using EntraStrongAuth.Engine.Policies;
using EntraStrongAuth.Engine.Retrieval;

namespace EntraStrongAuth.Engine.Application.Enrollment;

/// <summary>
/// Enrollment facts from the connected tenant: the registration report (whole, or filtered to named users), live
/// methods in $batch requests, the methods policy with its groups, strengths and CA policies — every request under
/// the connection's shared limiter.
/// </summary>
public sealed class TenantEnrollmentData : IEnrollmentData
{
    private readonly EnrollmentRetriever _enrollment;
    private readonly PolicyRetriever _policies;
    private readonly IRunHost _host;
    private readonly RetrievalEvents _events;

    public TenantEnrollmentData(GraphConnection connection, IRunHost host)
    {
        _enrollment = new EnrollmentRetriever(connection);
        _policies = new PolicyRetriever(connection);
        _host = host;
        _events = PolicyReading.Events(host);
    }

    public int Requests => _enrollment.Requests + _policies.Requests;

    public string? MethodsPolicyUnavailableReason { get; private set; }

    public Task ReadAllAsync(Func<UserMethodsSnapshot, Task> onUser, CancellationToken cancellationToken) =>
        _enrollment.ReadRegistrationReportAsync(row => onUser(UserMethodsSnapshot.FromRegistration(row)), _events, cancellationToken);

    public async Task<IReadOnlyList<EnrollmentLookup>> LookupAsync(IReadOnlyList<EnrollmentTarget> targets, bool live, CancellationToken cancellationToken)
    {
        var found = new Dictionary<EnrollmentTarget, EnrollmentLookup>();
        if (!live)
        {
            var byName = targets.Where(t => !t.IsIdOnly).ToList();
            if (byName.Count > 0)
            {
                var rows = new List<UserRegistration>();
                await _enrollment.ReadRegistrationReportAsync(
                    byName.Select(t => t.UserPrincipalName!).ToList(),
                    row =>
                    {
                        rows.Add(row);
                        return Task.CompletedTask;
                    },
                    _events,
                    cancellationToken).ConfigureAwait(false);
                foreach (var target in byName)
                {
                    if (rows.FirstOrDefault(r => target.Matches(r.Id, r.UserPrincipalName)) is { } row)
                    {
                        found[target] = EnrollmentLookup.Found(target, UserMethodsSnapshot.FromRegistration(row), null);
                    }
                }
            }

            var missing = targets.Where(t => !found.ContainsKey(t)).ToList();
            if (missing.Count > 0)
            {
                // The report cannot be filtered by id and leaves out disabled and newly created users: ask live.
                await _host.WriteVerboseAsync(missing.Count + " of " + targets.Count + " users are not in the registration report (looked up by id, disabled, or created since it was computed): reading their methods live.").ConfigureAwait(false);
            }
        }

        var toLookUp = targets.Where(t => !found.ContainsKey(t)).ToList();
        if (toLookUp.Count > 0)
        {
            var lookups = await _enrollment.ReadUserMethodsAsync(toLookUp.Select(t => t.LookupKey).ToList(), _events, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < toLookUp.Count; i++)
            {
                found[toLookUp[i]] = FromLive(toLookUp[i], lookups[i]);
            }
        }

        return targets.Select(t => found[t]).ToList();
    }

    public async Task<(TenantMethodsPolicy Policy, GroupMembership Membership)> ReadMethodsPolicyAsync(CancellationToken cancellationToken)
    {
        var read = await _enrollment.ReadMethodsPolicyAsync(_events, cancellationToken).ConfigureAwait(false);
        if (!read.Policy.IsKnown)
        {
            MethodsPolicyUnavailableReason = read.Problems.FirstOrDefault(p => !string.IsNullOrEmpty(p.Message))?.Message
                ?? "Graph did not return it; the connection may lack " + EnrollmentRetriever.PolicyPermission;
        }

        return (read.Policy, read.Membership);
    }

    public Task<DirectoryMembership> ReadDirectoryMembershipAsync(IReadOnlyList<string> groupIds, IReadOnlyList<string> roleTemplateIds, CancellationToken cancellationToken) =>
        groupIds.Count + roleTemplateIds.Count == 0
            ? Task.FromResult(DirectoryMembership.None)
            : _enrollment.ReadDirectoryMembershipAsync(groupIds, roleTemplateIds, "-Policy", _events, cancellationToken);

    public Task<IReadOnlyList<AuthenticationStrength>> ReadStrengthsAsync(CancellationToken cancellationToken) =>
        PolicyReading.TenantStrengthsOrNoneAsync(_policies, _host, "only the built-in strengths are known.", cancellationToken);

    public Task<IReadOnlyList<StrongAuthPolicy>> ReadPoliciesAsync(CancellationToken cancellationToken) =>
        PolicyReading.TenantPoliciesAsync(_policies, _host, cancellationToken);

    private static EnrollmentLookup FromLive(EnrollmentTarget target, UserMethodsLookup lookup)
    {
        if (lookup.Methods is { } methods)
        {
            return EnrollmentLookup.Found(target, methods, lookup.AccountEnabled);
        }

        return lookup.Found || lookup.ErrorId is not null && lookup.ErrorId != ErrorIds.UserNotFound
            ? EnrollmentLookup.Failed(target, new EntraStrongAuthException(lookup.ErrorId ?? ErrorIds.UserMethodsUnavailable, FailureKind.ResourceUnavailable, lookup.ErrorMessage ?? "The user's methods could not be read.", "Try again; -Verbose shows the requests."))
            : EnrollmentLookup.NotFound(target, "in the directory");
    }
}
