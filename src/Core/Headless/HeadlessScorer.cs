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
        var (own, perApp) = AddToAggregates(HeadlessGroup.From(signIn), user!);
        own.Times.Add(signIn.CreatedDateTime);
        perApp?.Times.Add(signIn.CreatedDateTime);
    }

    /// <summary>
    /// Adds groups of alike sign-ins, e.g. a workspace's <c>summarize</c> rows (the query applied the window). They
    /// are taken in order of their first sign-in, so the capped top-k tables hold the values sign-ins added one at a
    /// time in time order would have (a value joins the table at its first sign-in; every group of a value holds only
    /// that value). Cadence needs <see cref="AddRunStarts"/> as well.
    /// </summary>
    internal void AddGroups(IEnumerable<HeadlessGroup> groups)
    {
        foreach (var group in groups.OrderBy(g => g.First).ThenBy(TieBreak, StringComparer.Ordinal))
        {
            var user = group.Account;
            if (string.IsNullOrWhiteSpace(user))
            {
                continue;
            }

            SignIns += group.SignIns;
            AddToAggregates(group, user!);
        }
    }

    /// <summary>
    /// The run starts of an account's (or, with <paramref name="app"/>, an account + app's) newest distinct seconds,
    /// for cadence. An account no group was added for is ignored (e.g. set aside by the command's own filters).
    /// </summary>
    /// <param name="account">The account as <see cref="HeadlessGroup.Account"/> (any case).</param>
    /// <param name="app">Null for the account's aggregate; else <see cref="HeadlessGroup.AppKey"/> (any case).</param>
    /// <param name="starts">Unix seconds, in any order.</param>
    internal void AddRunStarts(string account, string? app, IEnumerable<long> starts)
    {
        var table = app is null ? _users : _userApps;
        if (table.TryGetValue(app is null ? account : AppKey(account, app), out var aggregate))
        {
            aggregate.RunStarts = starts.OrderBy(s => s).ToList();
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

    // Groups with the same first second come in a fixed order whatever order the workspace returned its rows in.
    private static string TieBreak(HeadlessGroup g) =>
        string.Join(
            "\n",
            g.UserPrincipalName, g.UserId, g.AppId, g.AppDisplayName, g.ResourceId, g.ResourceDisplayName, g.IpAddress, g.AutonomousSystemNumber, g.UserAgent,
            g.ClientAppUsed, g.AuthenticationProtocol, g.OriginalTransferMethod, g.IsInteractive, g.HasDevice, g.IsSuccess, g.IsStrongAuthFailure, g.MfaSatisfied);

    private static string AppKey(string user, string app) => user + "\n" + app;

    /// <summary>Adds the group to the account's aggregate and, with PerApp, the account + app's; returns both.</summary>
    private (SignInAggregate Own, SignInAggregate? PerApp) AddToAggregates(HeadlessGroup group, string user)
    {
        var facts = new SignInFacts(group, _data);
        var own = Aggregate(_users, user, user, null, null);
        own.Add(group, facts, _data);
        if (!Options.PerApp)
        {
            return (own, null);
        }

        var perApp = Aggregate(_userApps, AppKey(user, group.AppKey), user, group.AppId, group.AppDisplayName);
        perApp.Add(group, facts, _data);
        return (own, perApp);
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
