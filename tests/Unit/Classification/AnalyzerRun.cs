using System;
using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Tests.Classification;

/// <summary>Feeds sign-ins to an analyzer and records what came out when.</summary>
internal sealed class AnalyzerRun
{
    public AnalyzerRun(IEnumerable<SignInEvent> signIns, StrongAuthAnalyzerOptions? options = null)
    {
        Analyzer = new StrongAuthAnalyzer(options ?? Options());
        foreach (var signIn in signIns)
        {
            foreach (var failure in Analyzer.Observe(signIn))
            {
                EmittedEarly.Add((signIn.Id!, failure));
                MaxHeldSuccessMarks = Math.Max(MaxHeldSuccessMarks, Analyzer.Held.SuccessMarks);
            }

            MaxHeldSuccessMarks = Math.Max(MaxHeldSuccessMarks, Analyzer.Held.SuccessMarks);
            MaxPendingFailures = Math.Max(MaxPendingFailures, Analyzer.Held.PendingFailures);
        }

        EmittedAtEnd = Analyzer.Complete().ToList();
    }

    public StrongAuthAnalyzer Analyzer { get; }

    /// <summary>Failures returned by Observe, with the id of the sign-in whose observation released them.</summary>
    public List<(string ObservedId, StrongAuthFailure Failure)> EmittedEarly { get; } = new();

    public List<StrongAuthFailure> EmittedAtEnd { get; }

    public int MaxHeldSuccessMarks { get; private set; }

    public int MaxPendingFailures { get; private set; }

    public List<StrongAuthFailure> All => EmittedEarly.Select(e => e.Failure).Concat(EmittedAtEnd).ToList();

    public static StrongAuthAnalyzerOptions Options(SignInOrder order = SignInOrder.Unknown, bool includeBenign = true) => new()
    {
        Now = TestSignIns.T0.AddDays(1),
        InputOrder = order,
        IncludeBenign = includeBenign,
    };

    public static StrongAuthFailure Single(IEnumerable<SignInEvent> signIns, StrongAuthAnalyzerOptions? options = null) =>
        new AnalyzerRun(signIns, options).All.Single();

    /// <summary>A comparable line per failure: what must not depend on input order.</summary>
    public static string Outcome(StrongAuthFailure f) => string.Join(
        "|",
        f.SignInId,
        f.Cause,
        f.Confidence,
        f.ReclassifiedFrom,
        f.Resolution,
        f.ResolutionLink,
        f.ResolvedBySignInId,
        f.ResolvedBy,
        f.TimeToResolve,
        string.Join(";", f.Evidence.Select(e => e.ToString())));
}
