using System;
using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Core.Classification;

/// <summary>
/// Links each failure to the first success after it that shares its correlation id, else its original request id,
/// else its session id (within the flow window), else its user and app (within the user+app window, and only a
/// success that shows MFA). Works on a stream in any order: a success is offered to the failures already waiting,
/// and a failure looks up the successes already indexed, so the link found is the same whatever the order.
/// Memory stays bounded for sorted input: failures are released once final, successes forgotten once out of reach.
/// </summary>
internal sealed class FailureLinker
{
    private readonly long _flowWindow;
    private readonly long _userAppWindow;
    private readonly long _maxWindow;
    private readonly StreamWatermark _watermark;
    private readonly SuccessIndex _successes = new();
    private readonly PriorProofIndex _proofs = new();
    private readonly Dictionary<ulong, List<PendingFailure>> _pendingByKey = new();
    private readonly Queue<PendingFailure> _pending = new();
    private readonly List<(LinkKind Kind, ulong Key)> _successKeys = new(5);
    private readonly Func<long, bool> _canForget;
    private readonly Func<long, bool> _canForgetProof;

    public FailureLinker(TimeSpan flowWindow, TimeSpan userAppWindow, SignInOrder order, TimeSpan orderTolerance)
    {
        _flowWindow = flowWindow.Ticks;
        _userAppWindow = userAppWindow.Ticks;
        _maxWindow = Math.Max(_flowWindow, _userAppWindow);
        _watermark = new StreamWatermark(order, orderTolerance);
        _canForget = ticks => _watermark.CanForget(ticks, _maxWindow);

        // A proof serves failures after it, within the flow window: forgotten once no such failure can still come.
        // Newest-first input holds each failure until its flow window has been read, so the proof meets it on arrival.
        _canForgetProof = ticks => _watermark.IsFinal(ticks, _flowWindow);
    }

    /// <summary>Set when the input broke its declared order; see <see cref="StreamWatermark.Violation"/>.</summary>
    public string? OrderWarning => _watermark.Violation;

    /// <summary>Failures waiting for their outcome.</summary>
    public int PendingCount => _pending.Count;

    /// <summary>Keys whose last MFA proofs are held (a few contexts each).</summary>
    public int ProofKeyCount => _proofs.Count;

    /// <summary>Success marks held (one per key).</summary>
    public int SuccessMarkCount => _successes.Count;

    public void ObserveSuccess(SignInEvent success, List<PendingFailure> final)
    {
        _watermark.See(success.CreatedDateTime, success.Id);
        // One key list for every success: the index copies the keys, and successes are most of the input.
        var keys = _successKeys;
        LinkKeys.OfSuccess(success, keys);
        var evictable = _watermark.Order != SignInOrder.Unknown;
        var mark = _successes.Add(success.CreatedDateTime.UtcTicks, success.Id, SuccessProof.ResolvedBy(success), keys, evictable);
        var proof = mark.ResolvedBy is null ? null : FlowContext.Of(success);
        foreach (var (kind, key) in keys)
        {
            if (proof is not null && CarriesContext(kind))
            {
                _proofs.Add(key, proof, evictable);
            }

            if (!_pendingByKey.TryGetValue(key, out var waiting))
            {
                continue;
            }

            foreach (var failure in waiting)
            {
                if (Reaches(kind, failure.Ticks, mark))
                {
                    failure.Offer(kind, mark);
                }

                if (proof is not null && CarriesContext(kind) && failure.Ticks - proof.Ticks <= _flowWindow)
                {
                    failure.OfferPrior(proof);
                }
            }
        }

        Advance(final);
    }

    public void ObserveFailure(FailureClassification failure, List<PendingFailure> final)
    {
        _watermark.See(failure.SignIn.CreatedDateTime, failure.SignIn.Id);
        var pending = new PendingFailure(failure, LinkKeys.OfFailure(failure.SignIn));
        foreach (var (kind, key) in pending.Keys)
        {
            if (_successes.TryBest(key, pending.Ticks, Window(kind), out var mark) && Reaches(kind, pending.Ticks, mark))
            {
                pending.Offer(kind, mark);
            }

            if (CarriesContext(kind))
            {
                pending.OfferPrior(_proofs.LatestBefore(key, pending.Ticks, _flowWindow));
            }

            if (!_pendingByKey.TryGetValue(key, out var list))
            {
                list = new List<PendingFailure>(1);
                _pendingByKey[key] = list;
            }

            list.Add(pending);
        }

        _pending.Enqueue(pending);
        Advance(final);
    }

    /// <summary>A sign-in that is neither a success nor a failure of interest still moves the stream on.</summary>
    public void ObserveOther(SignInEvent signIn, List<PendingFailure> final)
    {
        _watermark.See(signIn.CreatedDateTime, signIn.Id);
        Advance(final);
    }

    /// <summary>Every failure still waiting, oldest first: the input has ended, so nothing more can resolve them.</summary>
    public List<PendingFailure> Complete()
    {
        var rest = _pending.OrderBy(p => p.Ticks).ThenBy(p => p.Classification.SignIn.Id, StringComparer.Ordinal).ToList();
        _pending.Clear();
        _pendingByKey.Clear();
        return rest;
    }

    /// <summary>A session or a correlation is one app's flow: what changed within it is evidence; a user+app pair is not.</summary>
    private static bool CarriesContext(LinkKind kind) => kind is LinkKind.SessionId or LinkKind.CorrelationId;

    private long Window(LinkKind kind) => kind == LinkKind.UserAndApp ? _userAppWindow : _flowWindow;

    /// <summary>After the failure and within the link's window; user+app also needs a success that shows MFA.</summary>
    private bool Reaches(LinkKind kind, long failureTicks, SuccessMark mark) =>
        mark.Ticks > failureTicks
        && mark.Ticks - failureTicks <= Window(kind)
        && (kind != LinkKind.UserAndApp || mark.ResolvedBy is not null);

    private void Advance(List<PendingFailure> final)
    {
        while (_pending.Count > 0 && _watermark.IsFinal(_pending.Peek().Ticks, _maxWindow) && _watermark.PriorsSeen(_pending.Peek().Ticks, _flowWindow))
        {
            var done = _pending.Dequeue();
            foreach (var (_, key) in done.Keys)
            {
                if (_pendingByKey.TryGetValue(key, out var list) && list.Remove(done) && list.Count == 0)
                {
                    _pendingByKey.Remove(key);
                }
            }

            final.Add(done);
        }

        _successes.Evict(_canForget);
        _proofs.Evict(_canForgetProof);
    }
}
