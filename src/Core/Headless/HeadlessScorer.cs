using System;
using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Core.Headless;

/// <summary>
/// Scores user accounts for being run by a script. Sign-ins are added one at a time in any order and folded into per
/// user (and, with <see cref="HeadlessScoringOptions.PerApp"/>, per user + app) aggregates of bounded size; the events
/// themselves are not kept. <see cref="Findings"/> then scores each account from headless-signals.json.
/// </summary>
public sealed class HeadlessScorer
{
    private readonly HeadlessData _data;
    private readonly Dictionary<string, SignInAggregate> _users = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, SignInAggregate> _userApps = new(StringComparer.OrdinalIgnoreCase);

    public HeadlessScorer(HeadlessScoringOptions options)
    {
        Options = options ?? throw new ArgumentNullException(nameof(options));
        _data = options.Data ?? HeadlessData.BuiltIn;
    }

    public HeadlessScoringOptions Options { get; }

    /// <summary>Sign-ins added and counted (those outside the window or without a user are skipped).</summary>
    public long SignIns { get; private set; }

    public void Add(SignInEvent signIn)
    {
        if (signIn is null)
        {
            throw new ArgumentNullException(nameof(signIn));
        }

        var user = signIn.UserPrincipalName ?? signIn.UserId;
        if (string.IsNullOrWhiteSpace(user) || OutsideWindow(signIn.CreatedDateTime))
        {
            return;
        }

        SignIns++;
        var facts = new SignInFacts(signIn, _data);
        Aggregate(_users, user!, user!, null, null).Add(signIn, facts, _data);
        if (Options.PerApp)
        {
            var app = signIn.AppId ?? signIn.AppDisplayName ?? "(unknown app)";
            Aggregate(_userApps, user + "\n" + app, user!, signIn.AppId, signIn.AppDisplayName).Add(signIn, facts, _data);
        }
    }

    /// <summary>Findings at or above Options.MinimumScore, highest score first; per user, and per user + app when Options.PerApp.</summary>
    public IReadOnlyList<HeadlessFinding> Findings() =>
        Aggregates
            .Select(Score)
            .Where(f => f.Score >= Options.MinimumScore)
            .OrderByDescending(f => f.Score)
            .ThenBy(f => f.User, StringComparer.OrdinalIgnoreCase)
            .ThenBy(f => f.AppDisplayName ?? string.Empty, StringComparer.OrdinalIgnoreCase)
            .ToList();

    /// <summary>The aggregates held (for the bounded-memory tests).</summary>
    internal IEnumerable<SignInAggregate> Aggregates => _users.Values.Concat(_userApps.Values);

    private HeadlessFinding Score(SignInAggregate a)
    {
        var evidence = HeadlessSignalEvaluator.Evaluate(a, _data);
        var score = Math.Max(0, Math.Min(100, evidence.Sum(e => e.Points)));
        return new HeadlessFinding(a.User, score, evidence, WorkloadIdentityAdvisor.Recommend(a, _data))
        {
            UserPrincipalName = a.UserPrincipalName,
            UserId = a.UserId,
            AppId = a.AppId,
            AppDisplayName = a.AppDisplayName,
            SignIns = a.Total,
            InteractiveSignIns = a.Interactive,
            NonInteractiveSignIns = a.NonInteractive,
            StrongAuthFailures = a.StrongAuthFailures,
            FirstSeen = a.FirstSeen,
            LastSeen = a.LastSeen,
            IpAddresses = a.Ips.Ranked(5),
        };
    }

    private SignInAggregate Aggregate(Dictionary<string, SignInAggregate> table, string key, string user, string? appId, string? appName)
    {
        if (!table.TryGetValue(key, out var aggregate))
        {
            aggregate = new SignInAggregate(user, _data.Environments.Count) { AppId = appId, AppDisplayName = appName ?? appId };
            table[key] = aggregate;
        }

        return aggregate;
    }

    private bool OutsideWindow(DateTimeOffset at) =>
        (Options.WindowStart is { } start && at < start) || (Options.WindowEnd is { } end && at >= end);
}
