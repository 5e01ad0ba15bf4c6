using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Policies;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.Application.Enrollment;

namespace EntraStrongAuth.Engine.Application.Readiness;

/// <summary>
/// Several policies checked against one read of the sign-ins (Test-StrongAuthReadiness with piped policies): each
/// sign-in enters the shared history once (de-duplication, window, headless scoring, app recovery) and is then
/// counted by every policy whose conditions take it in.
/// </summary>
public sealed class ReadinessChecks
{
    private readonly ReadinessCheckOptions _options;
    private readonly IRunHost _host;
    private readonly ReadinessHistory _history;
    private readonly List<ReadinessCheck> _checks = new();

    public ReadinessChecks(ReadinessCheckOptions options, IRunHost host)
    {
        _options = options ?? throw new System.ArgumentNullException(nameof(options));
        _host = host ?? throw new System.ArgumentNullException(nameof(host));
        _history = new ReadinessHistory(options);
    }

    public int Count => _checks.Count;

    /// <summary>Adds policies to check; add them before the first sign-in, or that sign-in is not counted for them.</summary>
    public void Add(IEnumerable<StrongAuthPolicy> policies) =>
        _checks.AddRange(policies.Select(p => new ReadinessCheck(p, _options, _host, _history)));

    public Task ObserveAsync(SignInEvent signIn)
    {
        if (_history.Accept(signIn))
        {
            foreach (var check in _checks)
            {
                check.Count(signIn);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Each policy's verdicts, in the order the policies were added; the de-duplication is reported once.</summary>
    public async Task CompleteAsync(IEnrollmentData? tenant, string noTenantData, CancellationToken cancellationToken)
    {
        if (_history.DuplicatesReport() is { } duplicates)
        {
            await _host.WriteVerboseAsync(duplicates).ConfigureAwait(false);
        }

        foreach (var check in _checks)
        {
            await check.CompleteAsync(tenant, noTenantData, cancellationToken).ConfigureAwait(false);
        }
    }
}
