namespace EntraStrongAuth.Core.Classification;

/// <summary>How a failure was tied to the success that resolved it, strongest first (the order links are preferred in).</summary>
internal enum LinkKind
{
    CorrelationId = 0,
    OriginalRequestId = 1,
    SessionId = 2,
    UserAndApp = 3,
}

internal static class LinkKinds
{
    /// <summary>The name written to <see cref="StrongAuthFailure.ResolutionLink"/>: the Graph field (or fields) the two sign-ins share.</summary>
    public static string Name(LinkKind kind) => kind switch
    {
        LinkKind.CorrelationId => "correlationId",
        LinkKind.OriginalRequestId => "originalRequestId",
        LinkKind.SessionId => "sessionId",
        _ => "user+app",
    };

    /// <summary>True for links through an identifier of the same sign-in flow (as opposed to the same user and app nearby in time).</summary>
    public static bool IsSameFlow(LinkKind kind) => kind != LinkKind.UserAndApp;
}
