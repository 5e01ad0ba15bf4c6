using System;
using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.SignIns;
using Xunit;
using static EntraStrongAuth.Tests.Classification.TestSignIns;

namespace EntraStrongAuth.Tests.Classification;

public class AnalyzerStreamingTests
{
    /// <summary>
    /// A morning of a small tenant: per user, a step-up completed in the same flow, a silent refresh that fails and is
    /// fixed interactively minutes later (user+app), a script that never succeeds, a denied push, a KMSI prompt,
    /// background successes, and failures of other codes. Timestamps are distinct per user so that ordering is total.
    /// </summary>
    private static List<SignInEvent> Morning()
    {
        var events = new List<SignInEvent>();
        for (var u = 0; u < 6; u++)
        {
            var upn = "user" + u + "@contoso.com";
            var userId = "00000000-0000-4000-8000-0000000000" + u.ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
            var start = u * 7;
            SignInEvent Mine(SignInEvent e) => e.With(x => { x.UserPrincipalName = upn; x.UserId = userId; });

            var stepUp = Mine(Failure(50074, start).Policy("Require MFA", "failure", new[] { "Mfa" }));
            events.Add(stepUp);
            events.Add(Mine(Success(start + 25).Linked(stepUp).Step("Mobile app notification", "Multifactor authentication", true, "MFA successfully completed")));

            var silent = Mine(Failure(50076, start + 600).Silent().App(MicrosoftOffice, "Microsoft Office").Unlinked());
            events.Add(silent);
            events.Add(Mine(Success(start + 600 + 200).App(MicrosoftOffice, "Microsoft Office").Unlinked().Step("Phone call", "Multifactor authentication", true, "MFA successfully completed")));

            for (var i = 0; i < 4; i++)
            {
                events.Add(Mine(Failure(50076, start + 1200 + (i * 900)).Deviceless().App(AzureCli, "Microsoft Azure CLI").Unlinked()
                    .With(e => { e.AuthenticationProtocol = "ropc"; e.UserAgent = "python-requests/2.31.0"; })));
            }

            var denied = Mine(Failure(500121, start + 5000).Unlinked().Step("Mobile app notification", "Multifactor authentication", false, "User didn't respond to mobile app notification"));
            events.Add(denied);
            events.Add(Mine(Failure(50140, start + 5100).Unlinked()));
            events.Add(Mine(Failure(50126, start + 5200).Unlinked()));
            for (var i = 0; i < 10; i++)
            {
                events.Add(Mine(Success(start + 300 + (i * 700)).Silent().Unlinked().Step("Previously satisfied", "Multifactor authentication", true, "MFA requirement satisfied by token")));
            }
        }

        return events;
    }

    private static List<string> Outcomes(AnalyzerRun run) => run.All.Select(AnalyzerRun.Outcome).OrderBy(o => o, StringComparer.Ordinal).ToList();

    [Fact]
    public void Descending_ascending_and_shuffled_input_give_identical_results()
    {
        var events = Morning();
        var oldestFirst = events.OrderBy(e => e.CreatedDateTime).ToList();
        var newestFirst = events.OrderByDescending(e => e.CreatedDateTime).ToList();

        var expected = Outcomes(new AnalyzerRun(oldestFirst, AnalyzerRun.Options(SignInOrder.OldestFirst)));

        Assert.Equal(6 * 8, expected.Count);
        Assert.Equal(expected, Outcomes(new AnalyzerRun(newestFirst, AnalyzerRun.Options(SignInOrder.NewestFirst))));
        Assert.Equal(expected, Outcomes(new AnalyzerRun(oldestFirst, AnalyzerRun.Options(SignInOrder.Unknown))));
        foreach (var seed in new[] { 1, 7, 42, 2026 })
        {
            var random = new Random(seed);
            var shuffled = events.OrderBy(_ => random.Next()).ToList();
            Assert.Equal(expected, Outcomes(new AnalyzerRun(shuffled, AnalyzerRun.Options(SignInOrder.Unknown))));
        }
    }

    [Fact]
    public void The_morning_classifies_and_links_as_a_person_would()
    {
        var run = new AnalyzerRun(Morning(), AnalyzerRun.Options());
        var all = run.All;

        Assert.Equal(6, all.Count(f => f.CauseKind == FailureCause.BenignInterrupt && f.ReclassifiedFromKind == FailureCause.PolicyStepUp));
        Assert.Equal(6, all.Count(f => f.CauseKind == FailureCause.BenignInterrupt && f.ReclassifiedFrom is null && f.ErrorCode == 50140));
        Assert.All(all.Where(f => f.CauseKind == FailureCause.SilentAuthInteractionRequired), f =>
        {
            Assert.Equal("user+app", f.ResolutionLink);
            Assert.Equal("Phone call", f.ResolvedBy);
        });
        Assert.Equal(24, all.Count(f => f.CauseKind == FailureCause.HeadlessUserAccount && f.ResolutionKind == ResolutionState.Unresolved));
        Assert.Equal(6, all.Count(f => f.CauseKind == FailureCause.MfaAttemptFailed));
        Assert.DoesNotContain(all, f => f.ErrorCode == 50126);
    }

    [Fact]
    public void Newest_first_input_emits_a_failure_once_the_stream_passes_its_flow_window_before_it()
    {
        // Its outcome is known on arrival (every later sign-in was read), but the session's earlier MFA proof, which
        // step 4 compares it with, comes after it: it waits for the flow window (1 h) before it. Was: on arrival.
        var events = Morning().OrderByDescending(e => e.CreatedDateTime).ToList();
        var byId = events.ToDictionary(e => e.Id!);

        var run = new AnalyzerRun(events, AnalyzerRun.Options(SignInOrder.NewestFirst));

        Assert.NotEmpty(run.EmittedEarly);
        Assert.All(run.EmittedEarly, e => Assert.True(byId[e.ObservedId].CreatedDateTime <= e.Failure.CreatedDateTime - TimeSpan.FromHours(1)));
        Assert.All(run.EmittedAtEnd, f => Assert.True(f.CreatedDateTime < events[^1].CreatedDateTime + TimeSpan.FromHours(1)));
        Assert.Null(run.Analyzer.OrderWarning);
    }

    [Fact]
    public void Oldest_first_input_emits_a_failure_once_the_stream_passes_its_window()
    {
        var events = Morning().OrderBy(e => e.CreatedDateTime).ToList();
        var byId = events.ToDictionary(e => e.Id!);

        var run = new AnalyzerRun(events, AnalyzerRun.Options(SignInOrder.OldestFirst));

        Assert.NotEmpty(run.EmittedEarly);
        Assert.All(run.EmittedEarly, e => Assert.True(byId[e.ObservedId].CreatedDateTime > e.Failure.CreatedDateTime + TimeSpan.FromHours(1)));
        Assert.All(run.EmittedAtEnd, f => Assert.True(f.CreatedDateTime >= events[^1].CreatedDateTime - TimeSpan.FromHours(1)));
    }

    [Theory]
    [InlineData(SignInOrder.OldestFirst, SignInOrder.OldestFirst)]
    [InlineData(SignInOrder.NewestFirst, SignInOrder.NewestFirst)]
    [InlineData(SignInOrder.OldestFirst, SignInOrder.Detect)]
    [InlineData(SignInOrder.NewestFirst, SignInOrder.Detect)]
    public void Sorted_input_keeps_memory_bounded(SignInOrder order, SignInOrder declared)
    {
        // A day of background refreshes every 30 s (2,880 successes) around a failure every 10 minutes.
        var events = new List<SignInEvent>();
        for (var s = 0; s < 86_400; s += 30)
        {
            events.Add(Success(s).Silent().Unlinked().Step("Previously satisfied", "Multifactor authentication", true, "MFA requirement satisfied by token"));
            if (s % 600 == 0)
            {
                events.Add(Failure(50076, s + 1).Silent().Unlinked());
            }
        }

        var sorted = order == SignInOrder.OldestFirst ? events.OrderBy(e => e.CreatedDateTime).ToList() : events.OrderByDescending(e => e.CreatedDateTime).ToList();
        var run = new AnalyzerRun(sorted, AnalyzerRun.Options(declared));

        Assert.Equal(order, run.Analyzer.InputOrder);
        Assert.Equal(144, run.All.Count);
        Assert.All(run.All, f => Assert.Equal(ResolutionState.Resolved, f.ResolutionKind));

        // Only the successes of the last window (one hour, at 2 per minute, under 5 keys each) and a window's failures.
        Assert.True(run.MaxHeldSuccessMarks <= 125 * 5, "held " + run.MaxHeldSuccessMarks + " success marks");
        Assert.True(run.MaxPendingFailures <= 7, "held " + run.MaxPendingFailures + " failures");
        Assert.True(run.All.Count - run.EmittedAtEnd.Count >= 137);
    }

    [Fact]
    public void Input_that_breaks_its_declared_order_is_reported_and_still_linked_from_then_on()
    {
        var failure = Failure(50074, 100).Policy("Require MFA", "failure", new[] { "Mfa" });
        var success = Success(130).Linked(failure).Step("Mobile app notification", "Multifactor authentication", true, "ok");
        var older = Failure(50079, 10).Unlinked();

        var run = new AnalyzerRun(new[] { older, success, failure }, AnalyzerRun.Options(SignInOrder.NewestFirst));

        Assert.Contains("not newest first", run.Analyzer.OrderWarning, StringComparison.Ordinal);
        Assert.Contains(success.Id!, run.Analyzer.OrderWarning, StringComparison.Ordinal);
        var linked = Assert.Single(run.All, f => f.SignInId == failure.Id);
        Assert.Equal(ResolutionState.Resolved, linked.ResolutionKind);
    }

    [Fact]
    public void Recent_failures_are_possibly_incomplete_and_pending_until_resolved()
    {
        var options = AnalyzerRun.Options();
        options.Now = T0.AddMinutes(20);
        var old = Failure(50076, 0).Unlinked();
        var recent = Failure(50076, 10 * 60).Unlinked().With(e => e.UserPrincipalName = "other@contoso.com").With(e => e.UserId = "u-2");
        var recentResolved = Failure(50076, 12 * 60).Unlinked().With(e => e.AppId = MicrosoftOffice);
        var success = Success((12 * 60) + 30).Linked(recentResolved).With(s => s.AppId = MicrosoftOffice).Step("SMS", "Multifactor authentication", true, "ok");

        var results = new AnalyzerRun(new[] { old, recent, recentResolved, success }, options).All.ToDictionary(f => f.SignInId!);

        Assert.False(results[old.Id!].PossiblyIncomplete);
        Assert.Equal(ResolutionState.Unresolved, results[old.Id!].ResolutionKind);
        Assert.True(results[recent.Id!].PossiblyIncomplete);
        Assert.Equal(ResolutionState.Pending, results[recent.Id!].ResolutionKind);
        Assert.True(results[recentResolved.Id!].PossiblyIncomplete);
        Assert.Equal(ResolutionState.Resolved, results[recentResolved.Id!].ResolutionKind);
    }

    [Fact]
    public void Only_the_chosen_codes_are_classified()
    {
        var events = new[] { Failure(50126), Failure(53003).Unlinked(), Failure(50076).Unlinked() };

        var byDefault = new AnalyzerRun(events).All;
        var options = AnalyzerRun.Options();
        options.ErrorCodes = new[] { 50126, 53003 };
        var chosen = new AnalyzerRun(events, options).All;

        Assert.Equal(new[] { 50076 }, byDefault.Select(f => f.ErrorCode));
        Assert.Equal(new[] { 50126, 53003 }, chosen.Select(f => f.ErrorCode).OrderBy(c => c));
        Assert.All(chosen, f => Assert.Equal(FailureCause.Other, f.CauseKind));
    }

    [Fact]
    public void The_default_codes_are_the_strong_auth_family()
    {
        var codes = new StrongAuthAnalyzer(AnalyzerRun.Options()).ErrorCodes;

        foreach (var code in new[] { 50072, 50074, 50076, 50079, 50078, 70043, 70044, 500121, 50158, 50140, 50199, 53004, 53010 })
        {
            Assert.Contains(code, codes);
        }

        Assert.DoesNotContain(50126, codes);
        Assert.DoesNotContain(53003, codes);
    }

    [Fact]
    public void Nothing_is_taken_after_complete_and_bad_windows_are_refused()
    {
        var analyzer = new StrongAuthAnalyzer(AnalyzerRun.Options());
        analyzer.Complete();

        Assert.Throws<InvalidOperationException>(() => analyzer.Observe(Failure(50076)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new StrongAuthAnalyzer(new StrongAuthAnalyzerOptions { ResolutionWindow = TimeSpan.Zero }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new StrongAuthAnalyzer(new StrongAuthAnalyzerOptions { SameFlowWindow = TimeSpan.MaxValue }));
    }
}
