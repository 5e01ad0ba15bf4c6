using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.Enrollment;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Core.Policies;
using EntraStrongAuth.Engine.Application.Enrollment;

namespace EntraStrongAuth.Engine.Application.Diagnosis;

/// <summary>
/// The tenant's side of a diagnosis, through the same <see cref="IEnrollmentData"/> Test-MfaEnrollment uses (live
/// or files): the Conditional Access policies with their strengths (read once), and each user's enrollment against
/// the strength their failure asked for. What cannot be read becomes the reason a step is Unknown.
/// </summary>
internal sealed class DiagnosisTenantFacts
{
    private readonly ReadOnceEnrollmentData? _data;
    private readonly bool _live;
    private readonly string _noData;
    private (IReadOnlyList<StrongAuthPolicy>? Policies, string? Missing)? _policies;

    /// <param name="data">Null: no tenant data at hand (offline without -TenantDataPath).</param>
    /// <param name="live">Users' methods are read live ($batch) instead of from a registration report.</param>
    /// <param name="noData">Why there is no tenant data, when <paramref name="data"/> is null.</param>
    public DiagnosisTenantFacts(IEnrollmentData? data, bool live, string noData)
    {
        _data = data is null ? null : new ReadOnceEnrollmentData(data);
        _live = live;
        _noData = noData;
    }

    public async Task<(IReadOnlyList<StrongAuthPolicy>? Policies, string? Missing)> PoliciesAsync(CancellationToken cancellationToken)
    {
        if (_policies is { } known)
        {
            return known;
        }

        if (_data is null)
        {
            return (_policies = (null, _noData)).Value;
        }

        try
        {
            var policies = await _data.ReadPoliciesAsync(cancellationToken).ConfigureAwait(false);
            _policies = policies.Count == 0 ? (null, _live ? "the tenant returned no Conditional Access policies (Policy.Read.All?)" : "no Conditional Access policies among the tenant data files") : (policies, null);
        }
        catch (EntraStrongAuthException e)
        {
            _policies = (null, e.Message);
        }

        return _policies.Value;
    }

    /// <summary>The user's enrollment against the strength <paramref name="failure"/> asked for.</summary>
    public async Task<(MfaEnrollmentResult? Result, string? Missing)> EnrollmentAsync(StrongAuthFailure failure, CancellationToken cancellationToken)
    {
        if (_data is null)
        {
            return (null, _noData);
        }

        var capture = new CapturingRunHost();
        try
        {
            var tester = new MfaEnrollmentTester(_data, new MfaEnrollmentTestOptions { Live = _live, FromFiles = !_live }, capture);
            await tester.AddFailureAsync(failure, cancellationToken).ConfigureAwait(false);
            await tester.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (EntraStrongAuthException e)
        {
            return (null, e.Message);
        }

        var result = capture.Output.OfType<MfaEnrollmentResult>().FirstOrDefault();
        return result is null ? (null, capture.Problems ?? "the user was not found in the registration data") : (result, null);
    }
}
