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
    private readonly List<Entry> _subjects = new();

    // Subjects by user principal name and user id, and by service principal and app id for workload sign-ins, so a
    // sign-in costs a lookup, not a pass over every subject; subjects naming no user match every user sign-in.
    private readonly Dictionary<string, List<Entry>> _byUser = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<Entry>> _byWorkload = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Entry> _anyUser = new();
    private readonly List<Entry> _candidates = new();
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);

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

        if (!_keys.Add(Key(subject)))
        {
            return false;
        }

        var entry = new Entry(subject);
        _subjects.Add(entry);
        if (subject.UserPrincipalName is null && subject.UserId is null)
        {
            _anyUser.Add(entry);
        }

        Index(_byUser, subject.UserPrincipalName, entry);
        Index(_byUser, subject.UserId, entry);
        Index(_byWorkload, subject.ServicePrincipalId, entry);
        Index(_byWorkload, subject.AppId, entry);
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
        foreach (var entry in Candidates(signIn, workload is not null))
        {
            var subject = entry.Subject;
            var matches = workload is null
                ? subject.MatchesUser(signIn.UserPrincipalName, signIn.UserId, signIn.AppId)
                : subject.MatchesWorkload(signIn.ServicePrincipalId, signIn.AppId);
            if (!matches)
            {
                continue;
            }

            nature ??= SignInNature.Of(signIn, _codes, _options.EffectiveData);
            var window = inBefore ? entry.Before : entry.After;
            if (workload is null)
            {
                window.AddUser(signIn, nature.Value);
            }
            else
            {
                window.AddWorkload(signIn, workload, nature.Value);
            }
        }

        Counted += nature is null ? 0 : 1;
    }

    /// <summary>One verdict per subject, in the order added.</summary>
    public IReadOnlyList<RemediationResult> Results() =>
        _subjects.Select(s => RemediationJudge.Decide(s.Subject, s.Before, s.After, _options)).ToList();

    private List<Entry> Candidates(SignInEvent signIn, bool workload)
    {
        _candidates.Clear();
        if (workload)
        {
            AddFrom(_byWorkload, signIn.ServicePrincipalId);
            AddFrom(_byWorkload, signIn.AppId);
        }
        else
        {
            AddFrom(_byUser, signIn.UserPrincipalName);
            AddFrom(_byUser, signIn.UserId);
            _candidates.AddRange(_anyUser);
        }

        return _candidates;
    }

    private void AddFrom(Dictionary<string, List<Entry>> index, string? key)
    {
        if (key is null || !index.TryGetValue(key.Trim(), out var entries))
        {
            return;
        }

        foreach (var entry in entries)
        {
            // A subject named by both UPN and id is found twice; it must be counted once.
            if (!_candidates.Contains(entry))
            {
                _candidates.Add(entry);
            }
        }
    }

    private static void Index(Dictionary<string, List<Entry>> index, string? key, Entry entry)
    {
        if (key is null)
        {
            return;
        }

        if (!index.TryGetValue(key, out var entries))
        {
            index[key] = entries = new List<Entry>();
        }

        entries.Add(entry);
    }

    private static string Key(RemediationSubject subject) =>
        string.Join("|", subject.UserPrincipalName, subject.UserId, subject.AppId, subject.ServicePrincipalId).ToUpperInvariant();

    private sealed class Entry
    {
        public Entry(RemediationSubject subject) => Subject = subject;

        public RemediationSubject Subject { get; }

        public WindowTally Before { get; } = new();

        public WindowTally After { get; } = new();
    }
}
