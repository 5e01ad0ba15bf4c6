using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Enrollment;
using EntraStrongAuth.Core.Policies;
using EntraStrongAuth.Core.Policies.Scope;
using EntraStrongAuth.Core.Strength;
using EntraStrongAuth.Engine.Application.Enrollment;

namespace EntraStrongAuth.Engine.Application.Readiness;

/// <summary>
/// Enrollment data whose user lookups are answered from one read of the whole registration report, kept only for the
/// users asked about; a user the report lacks (disabled, or created since it was computed) is looked up live. Every
/// other question goes to the data it wraps.
/// </summary>
internal sealed class ReportAnsweredEnrollmentData : EnrollmentDataDecorator
{
    private readonly Dictionary<string, UserMethodsSnapshot> _byId = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, UserMethodsSnapshot> _byName = new(StringComparer.OrdinalIgnoreCase);

    private ReportAnsweredEnrollmentData(IEnrollmentData inner)
        : base(inner)
    {
    }

    /// <summary>Reads the report once, keeping the rows of the users named by <paramref name="ids"/> or <paramref name="names"/>.</summary>
    public static async Task<ReportAnsweredEnrollmentData> ReadAsync(IEnrollmentData inner, ISet<string> ids, ISet<string> names, CancellationToken cancellationToken)
    {
        var data = new ReportAnsweredEnrollmentData(inner);
        await inner.ReadAllAsync(
            user =>
            {
                if (ids.Contains(user.UserId) || (user.UserPrincipalName is { } upn && names.Contains(upn)))
                {
                    data._byId[user.UserId] = user;
                    if (user.UserPrincipalName is { } name)
                    {
                        data._byName[name] = user;
                    }
                }

                return Task.CompletedTask;
            },
            cancellationToken).ConfigureAwait(false);
        return data;
    }

    public override async Task<IReadOnlyList<EnrollmentLookup>> LookupAsync(IReadOnlyList<EnrollmentTarget> targets, bool live, CancellationToken cancellationToken)
    {
        var found = new Dictionary<EnrollmentTarget, EnrollmentLookup>();
        foreach (var target in targets)
        {
            if ((target.UserId is { } id && _byId.TryGetValue(id, out var row)) || (target.UserPrincipalName is { } name && _byName.TryGetValue(name, out row)))
            {
                found[target] = EnrollmentLookup.Found(target, row, null);
            }
        }

        var rest = targets.Where(t => !found.ContainsKey(t)).ToList();
        if (rest.Count > 0)
        {
            var lookups = await Inner.LookupAsync(rest, live: true, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < rest.Count; i++)
            {
                found[rest[i]] = lookups[i];
            }
        }

        return targets.Select(t => found[t]).ToList();
    }
}
