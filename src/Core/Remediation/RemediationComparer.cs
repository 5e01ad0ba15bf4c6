using System;
using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Core.Remediation;

/// <summary>
/// Compares each subject's sign-ins before and after a fix. Sign-ins are added one at a time, in any order and from
/// any mix of sources (user, service principal, managed identity); each is counted into its subjects' window
/// aggregates and dropped. <see cref="Results"/> then judges every subject.
/// </summary>
public sealed class RemediationComparer
{
    private readonly RemediationOptions _options;
    private readonly HashSet<int> _codes;
    private readonly List<(RemediationSubject Subject, WindowTally Before, WindowTally After)> _subjects = new();

    public RemediationComparer(RemediationOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _codes = new HashSet<int>(options.EffectiveErrorCodes);
    }

    public int SubjectCount => _subjects.Count;

    /// <summary>Sign-ins added that fell in a window and belonged to a subject.</summary>
    public long Counted { get; private set; }

    /// <summary>Adds a subject; one equal to an earlier one (same user, app and service principal) is ignored.</summary>
    public bool AddSubject(RemediationSubject subject)
    {
        if (subject is null)
        {
            throw new ArgumentNullException(nameof(subject));
        }

        if (_subjects.Any(s => SameSubject(s.Subject, subject)))
        {
            return false;
        }

        _subjects.Add((subject, new WindowTally(), new WindowTally()));
        return true;
    }

    public void Add(SignInEvent signIn)
    {
        if (signIn is null)
        {
            throw new ArgumentNullException(nameof(signIn));
        }

        var inBefore = signIn.CreatedDateTime >= _options.BeforeStart && signIn.CreatedDateTime < _options.FixedAt;
        var inAfter = signIn.CreatedDateTime >= _options.FixedAt && signIn.CreatedDateTime < _options.AfterEnd;
        if (!inBefore && !inAfter)
        {
            return;
        }

        var workload = SignInNature.WorkloadKind(signIn);
        SignInNature? nature = null;
        foreach (var (subject, before, after) in _subjects)
        {
            var matches = workload is null
                ? subject.MatchesUser(signIn.UserPrincipalName, signIn.UserId, signIn.AppId)
                : subject.MatchesWorkload(signIn.ServicePrincipalId, signIn.AppId);
            if (!matches)
            {
                continue;
            }

            nature ??= SignInNature.Of(signIn, _codes, _options.EffectiveData);
            var window = inBefore ? before : after;
            if (workload is null)
            {
                window.AddUser(signIn, nature.Value);
            }
            else
            {
                window.AddWorkload(workload, nature.Value);
            }
        }

        Counted += nature is null ? 0 : 1;
    }

    /// <summary>One verdict per subject, in the order added.</summary>
    public IReadOnlyList<RemediationResult> Results() =>
        _subjects.Select(s => RemediationJudge.Decide(s.Subject, s.Before, s.After, _options)).ToList();

    private static bool SameSubject(RemediationSubject a, RemediationSubject b) =>
        string.Equals(a.ToString(), b.ToString(), StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.UserId, b.UserId, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.ServicePrincipalId, b.ServicePrincipalId, StringComparison.OrdinalIgnoreCase);
}
