using System;
using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Core.Classification;

/// <summary>
/// Turns a stream of sign-ins (successes and failures, in any order) into explained strong-auth failures: each
/// failure of the chosen codes is classified, linked to the success that resolved it (if any), and returned once its
/// outcome can no longer change. Successes only feed the link index; failures of other codes cost one set lookup.
/// With <see cref="SignInOrder.Detect"/> (the default) the first 64 sign-ins are held back until their order is clear,
/// so every caller gets the bounded memory of sorted input without knowing its source's order.
/// <code>
/// foreach (var signIn in source) foreach (var failure in analyzer.Observe(signIn)) Write(failure);
/// foreach (var failure in analyzer.Complete()) Write(failure);
/// </code>
/// </summary>
public sealed class StrongAuthAnalyzer
{
    private static readonly TimeSpan MaxWindow = TimeSpan.FromDays(7);

    private readonly StrongAuthAnalyzerOptions _options;
    private readonly StrongAuthClassifier _classifier;
    private readonly HashSet<int> _codes;
    private readonly FailureOutcomeJudge _judge;
    private readonly List<PendingFailure> _final = new();
    private SignInOrderProbe? _probe;
    private FailureLinker? _linker;
    private bool _completed;

    public StrongAuthAnalyzer()
        : this(new StrongAuthAnalyzerOptions())
    {
    }

    public StrongAuthAnalyzer(StrongAuthAnalyzerOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        RequireWindow(options.ResolutionWindow, nameof(options.ResolutionWindow));
        RequireWindow(options.SameFlowWindow, nameof(options.SameFlowWindow));
        if (options.OrderTolerance < TimeSpan.Zero || options.OrderTolerance > MaxWindow)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.OrderTolerance, "OrderTolerance must be between zero and 7 days.");
        }

        _classifier = options.Classifier ?? StrongAuthClassifier.Default;
        _codes = new HashSet<int>(options.ErrorCodes ?? StrongAuthAnalyzerOptions.DefaultErrorCodes(_classifier.Catalog));
        _judge = new FailureOutcomeJudge(options, _classifier.Data.Rules);
        if (options.InputOrder == SignInOrder.Detect)
        {
            _probe = new SignInOrderProbe();
        }
        else
        {
            StartLinking(options.InputOrder);
        }
    }

    /// <summary>The failure codes classified; other failures are skipped.</summary>
    public IReadOnlyCollection<int> ErrorCodes => _codes;

    /// <summary>Benign interrupts left out of the output (they are returned only with IncludeBenign).</summary>
    public int BenignHidden { get; private set; }

    /// <summary>
    /// The order the analyzer links in: the declared <see cref="StrongAuthAnalyzerOptions.InputOrder"/>, or the one the
    /// first sign-ins showed; <see cref="SignInOrder.Detect"/> while those are still held back.
    /// </summary>
    public SignInOrder InputOrder { get; private set; } = SignInOrder.Detect;

    /// <summary>Set when the input broke its declared or detected order: say so to the user.</summary>
    public string? OrderWarning => _linker?.OrderWarning;

    /// <summary>Failures waiting for their outcome, and success marks held: the analyzer's memory, for diagnostics and tests.</summary>
    public (int PendingFailures, int SuccessMarks) Held => _linker is null ? (0, 0) : (_linker.PendingCount, _linker.SuccessMarkCount);

    /// <summary>Sign-ins held back while the input order is detected.</summary>
    public int HeldForOrder => _probe?.Held.Count ?? 0;

    /// <summary>Takes one sign-in; returns the failures whose outcome became final (often none).</summary>
    public IReadOnlyList<StrongAuthFailure> Observe(SignInEvent signIn)
    {
        if (signIn is null)
        {
            throw new ArgumentNullException(nameof(signIn));
        }

        if (_completed)
        {
            throw new InvalidOperationException("Complete() was called: this analyzer takes no more sign-ins.");
        }

        if (_linker is null)
        {
            if (!_probe!.Add(signIn))
            {
                return Array.Empty<StrongAuthFailure>();
            }

            ReplayProbe();
        }
        else
        {
            Link(_linker, signIn);
        }

        return Emit(_final);
    }

    /// <summary>The input has ended: returns every failure still waiting, oldest first.</summary>
    public IReadOnlyList<StrongAuthFailure> Complete()
    {
        if (_completed)
        {
            return Array.Empty<StrongAuthFailure>();
        }

        _completed = true;
        if (_linker is null)
        {
            // Fewer sign-ins than the sample: their order is taken from what there is.
            ReplayProbe();
        }

        _final.AddRange(_linker!.Complete());
        return Emit(_final);
    }

    private void StartLinking(SignInOrder order)
    {
        InputOrder = order;
        _linker = new FailureLinker(_options.SameFlowWindow, _options.ResolutionWindow, order, _options.OrderTolerance);
    }

    /// <summary>Starts linking in the order the held sign-ins show, and links them; what became final is in _final.</summary>
    private void ReplayProbe()
    {
        var probe = _probe!;
        _probe = null;
        StartLinking(probe.Order());
        foreach (var held in probe.Held)
        {
            Link(_linker!, held);
        }
    }

    private void Link(FailureLinker linker, SignInEvent signIn)
    {
        if (signIn.IsSuccess)
        {
            linker.ObserveSuccess(signIn, _final);
        }
        else if (_codes.Contains(signIn.ErrorCode))
        {
            linker.ObserveFailure(_classifier.Decide(signIn), _final);
        }
        else
        {
            linker.ObserveOther(signIn, _final);
        }
    }

    private IReadOnlyList<StrongAuthFailure> Emit(List<PendingFailure> final)
    {
        if (final.Count == 0)
        {
            return Array.Empty<StrongAuthFailure>();
        }

        var output = new List<StrongAuthFailure>(final.Count);
        foreach (var failure in final.Select(_judge.Finish))
        {
            if (failure.IsBenign && !_options.IncludeBenign)
            {
                BenignHidden++;
                continue;
            }

            output.Add(failure);
        }

        final.Clear();
        return output;
    }

    /// <summary>A link window is positive and at most a week: sign-ins further apart are not one outcome, and the bound keeps tick arithmetic safe.</summary>
    private static void RequireWindow(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero || value > MaxWindow)
        {
            throw new ArgumentOutOfRangeException(name, value, name + " must be more than zero and at most 7 days.");
        }
    }
}
