using System;

namespace EntraStrongAuth.Engine.Workspace;

/// <summary>One answered query: the body as received (at most the API's 64 MB cap plus the JSON around it) and whether the service cut it.</summary>
internal sealed class WorkspaceResponse
{
    public WorkspaceResponse(byte[] body, WorkspaceErrorBody? partialError)
    {
        Body = body;
        PartialError = partialError;
    }

    /// <summary>Empty for 204 No Content (a workspace with no data at all).</summary>
    public byte[] Body { get; }

    /// <summary>A 200 answer's <c>error</c> (PartialError): the rows are a prefix of the answer, or a part of the data was unreachable.</summary>
    public WorkspaceErrorBody? PartialError { get; }

    public bool IsEmpty => Body.Length == 0;

    /// <summary>The partial error says the result hit the row or size cap (E_QUERY_RESULT_SET_TOO_LARGE), rather than that a part failed.</summary>
    public bool IsCutAtCap => PartialError is { } error
        && (error.Message?.IndexOf("E_QUERY_RESULT_SET_TOO_LARGE", StringComparison.Ordinal) >= 0
            || System.Linq.Enumerable.Any(error.Chain, e => e.Message?.IndexOf("E_QUERY_RESULT_SET_TOO_LARGE", StringComparison.Ordinal) >= 0 || e.Code == "E_QUERY_RESULT_SET_TOO_LARGE"));
}
