using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Core.Diagnosis;

/// <summary>
/// What names the failure to diagnose: a sign-in id or request id (the Trace ID of an error message), a correlation
/// id, or a user around a time, optionally narrowed to error codes. Each pasted error becomes one request.
/// </summary>
public sealed class DiagnosisRequest
{
    /// <summary>How far either side of a pasted timestamp or -At a user's failures are looked for, by default.</summary>
    public static readonly TimeSpan DefaultAround = TimeSpan.FromMinutes(30);

    public string? SignInId { get; init; }

    /// <summary>The Trace ID of an error message: the request id, which is the sign-in's id in the logs.</summary>
    public string? RequestId { get; init; }

    public string? CorrelationId { get; init; }

    public string? UserPrincipalName { get; init; }

    /// <summary>When the failure happened (a message's Timestamp, -At); null: any time the input covers.</summary>
    public DateTimeOffset? At { get; init; }

    /// <summary>How far either side of <see cref="At"/> to look.</summary>
    public TimeSpan Around { get; init; } = DefaultAround;

    /// <summary>Only failures with these codes; empty: any strong-authentication failure.</summary>
    public IReadOnlyList<int> ErrorCodes { get; init; } = Array.Empty<int>();

    /// <summary>The text this request came from (a pasted message), for errors that name it.</summary>
    public string? Source { get; init; }

    /// <summary>True when only ids name the failure, so one sign-in at most can match.</summary>
    public bool IsExact => SignInId is not null || RequestId is not null;

    /// <summary>
    /// The same request without its ids: when a Trace ID names another request of the flow than the one logged,
    /// the correlation id, code and time still find the failure.
    /// </summary>
    public DiagnosisRequest WithoutIds() => new()
    {
        CorrelationId = CorrelationId,
        UserPrincipalName = UserPrincipalName,
        At = At,
        Around = Around,
        ErrorCodes = ErrorCodes,
        Source = Source,
    };

    /// <summary>Whether <paramref name="signIn"/> (a failure) is one this request names.</summary>
    public bool Matches(SignInEvent signIn)
    {
        if (signIn is null || signIn.IsSuccess)
        {
            return false;
        }

        if (ErrorCodes.Count > 0 && !ErrorCodes.Contains(signIn.ErrorCode))
        {
            return false;
        }

        if (SignInId is not null && !Same(signIn.Id, SignInId))
        {
            return false;
        }

        // A request id is the id of the sign-in made by that request; the flow's first request is kept beside it.
        if (RequestId is not null && !Same(signIn.Id, RequestId) && !Same(signIn.OriginalRequestId, RequestId))
        {
            return false;
        }

        if (CorrelationId is not null && !Same(signIn.CorrelationId, CorrelationId))
        {
            return false;
        }

        if (UserPrincipalName is not null && !Same(signIn.UserPrincipalName, UserPrincipalName) && !Same(signIn.UserId, UserPrincipalName))
        {
            return false;
        }

        // The time narrows a search by user or correlation; an id names the sign-in whatever a pasted clock says.
        return IsExact || At is not { } at || (signIn.CreatedDateTime >= at - Around && signIn.CreatedDateTime <= at + Around);
    }

    /// <summary>How the request reads in messages: "correlation id f678… at 2025-03-04 10:11:12Z (AADSTS50076)".</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (SignInId is not null)
        {
            parts.Add("sign-in id " + SignInId);
        }

        if (RequestId is not null)
        {
            parts.Add("request (Trace) id " + RequestId);
        }

        if (CorrelationId is not null)
        {
            parts.Add("correlation id " + CorrelationId);
        }

        if (UserPrincipalName is not null)
        {
            parts.Add("user " + UserPrincipalName);
        }

        if (At is { } at)
        {
            parts.Add("around " + at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        }

        var codes = ErrorCodes.Count == 0 ? string.Empty : " (" + string.Join(", ", ErrorCodes.Select(c => "AADSTS" + c.ToString(CultureInfo.InvariantCulture))) + ")";
        return (parts.Count == 0 ? "any failure" : string.Join(", ", parts)) + codes;
    }

    public override string ToString() => Describe();

    private static bool Same(string? a, string? b) => a is not null && b is not null && string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
