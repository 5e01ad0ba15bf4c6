using System;
using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.SignIns;
using Xunit;
using static EntraStrongAuth.Tests.Classification.TestSignIns;

namespace EntraStrongAuth.Tests.Classification;

/// <summary>The analyzer's own input-order detection (<see cref="SignInOrder.Detect"/>, the default).</summary>
public class AnalyzerOrderDetectionTests
{
    /// <summary>Background successes every 30 s with a step-up failure every 10 minutes, resolved 20 s later.</summary>
    private static List<SignInEvent> Hours(int hours)
    {
        var events = new List<SignInEvent>();
        for (var s = 0; s < hours * 3600; s += 30)
        {
            events.Add(Success(s).Silent().Unlinked().Step("Previously satisfied", "Multifactor authentication", true, "MFA requirement satisfied by token"));
            if (s % 600 == 0)
            {
                var failure = Failure(50074, s + 1).Policy("Require MFA", "failure", new[] { "Mfa" });
                events.Add(failure);
                events.Add(Success(s + 21).Linked(failure).Step("Mobile app notification", "Multifactor authentication", true, "MFA successfully completed"));
            }
        }

        return events;
    }

    private static List<string> Outcomes(AnalyzerRun run) => run.All.Select(AnalyzerRun.Outcome).OrderBy(o => o, StringComparer.Ordinal).ToList();

    [Fact]
    public void Detection_is_the_default()
    {
        Assert.Equal(SignInOrder.Detect, new StrongAuthAnalyzerOptions().InputOrder);
        Assert.Equal(SignInOrder.Detect, new StrongAuthAnalyzer().InputOrder);
    }

    [Fact]
    public void Detected_order_gives_the_same_outcomes_as_the_declared_one()
    {
        var events = Hours(3);
        var newestFirst = events.OrderByDescending(e => e.CreatedDateTime).ToList();
        var oldestFirst = events.OrderBy(e => e.CreatedDateTime).ToList();
        var expected = Outcomes(new AnalyzerRun(oldestFirst, AnalyzerRun.Options(SignInOrder.Unknown)));

        var newest = new AnalyzerRun(newestFirst, AnalyzerRun.Options(SignInOrder.Detect));
        var oldest = new AnalyzerRun(oldestFirst, AnalyzerRun.Options(SignInOrder.Detect));
        var random = new Random(7);
        var shuffled = new AnalyzerRun(events.OrderBy(_ => random.Next()).ToList(), AnalyzerRun.Options(SignInOrder.Detect));

        Assert.Equal(18, expected.Count);
        Assert.Equal(SignInOrder.NewestFirst, newest.Analyzer.InputOrder);
        Assert.Equal(SignInOrder.OldestFirst, oldest.Analyzer.InputOrder);
        Assert.Equal(SignInOrder.Unknown, shuffled.Analyzer.InputOrder);
        Assert.Equal(expected, Outcomes(newest));
        Assert.Equal(expected, Outcomes(oldest));
        Assert.Equal(expected, Outcomes(shuffled));
        Assert.NotEmpty(newest.EmittedEarly);
        Assert.Null(newest.Analyzer.OrderWarning);
    }

    [Fact]
    public void Unsorted_first_sign_ins_mean_unknown_order()
    {
        var events = Hours(2).OrderByDescending(e => e.CreatedDateTime).ToList();
        (events[0], events[1]) = (events[1], events[0]);

        var run = new AnalyzerRun(events, AnalyzerRun.Options(SignInOrder.Detect));

        Assert.Equal(SignInOrder.Unknown, run.Analyzer.InputOrder);
        Assert.Empty(run.EmittedEarly);
        Assert.Equal(12, run.All.Count);
    }

    [Fact]
    public void Sign_ins_are_held_back_until_the_sample_is_complete()
    {
        var events = Hours(3).OrderByDescending(e => e.CreatedDateTime).ToList();
        var analyzer = new StrongAuthAnalyzer(AnalyzerRun.Options(SignInOrder.Detect));

        for (var i = 0; i < SignInOrderProbe.SampleSize - 1; i++)
        {
            Assert.Empty(analyzer.Observe(events[i]));
            Assert.Equal(i + 1, analyzer.HeldForOrder);
            Assert.Equal(SignInOrder.Detect, analyzer.InputOrder);
        }

        analyzer.Observe(events[SignInOrderProbe.SampleSize - 1]);
        Assert.Equal(0, analyzer.HeldForOrder);
        Assert.Equal(SignInOrder.NewestFirst, analyzer.InputOrder);
    }

    [Fact]
    public void Fewer_sign_ins_than_the_sample_are_analysed_at_the_end()
    {
        var failure = Failure(50074, 100).Policy("Require MFA", "failure", new[] { "Mfa" });
        var success = Success(130).Linked(failure).Step("Mobile app notification", "Multifactor authentication", true, "ok");

        var run = new AnalyzerRun(new[] { success, failure }, AnalyzerRun.Options(SignInOrder.Detect));

        Assert.Empty(run.EmittedEarly);
        Assert.Equal(SignInOrder.NewestFirst, run.Analyzer.InputOrder);
        Assert.Equal(ResolutionState.Resolved, Assert.Single(run.EmittedAtEnd).ResolutionKind);
    }

    [Fact]
    public void Input_that_breaks_the_detected_order_falls_back_and_is_reported()
    {
        var events = Hours(2).OrderByDescending(e => e.CreatedDateTime).ToList();
        var late = Failure(50074, 5000).Policy("Require MFA", "failure", new[] { "Mfa" });
        var lateSuccess = Success(5030).Linked(late).Step("Mobile app notification", "Multifactor authentication", true, "ok");
        events.Add(lateSuccess);
        events.Add(late);

        var run = new AnalyzerRun(events, AnalyzerRun.Options(SignInOrder.Detect));

        Assert.Equal(SignInOrder.NewestFirst, run.Analyzer.InputOrder);
        Assert.Contains("not newest first", run.Analyzer.OrderWarning, StringComparison.Ordinal);
        Assert.Equal(ResolutionState.Resolved, Assert.Single(run.All, f => f.SignInId == late.Id).ResolutionKind);
        Assert.Equal(13, run.All.Count);
    }
}
