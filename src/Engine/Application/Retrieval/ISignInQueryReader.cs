using System;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Retrieval;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Engine.Application.Retrieval;

/// <summary>Reads the sign-ins one query selects (live: <see cref="LiveSignInReader"/>); the live sources are tested with a fake.</summary>
public interface ISignInQueryReader
{
    /// <summary>How many users or ids one query may name (Graph: <see cref="NameBatches.Size"/> eq clauses; KQL: hundreds).</summary>
    int MaxNamesPerQuery { get; }

    /// <summary>Whether the source filters <see cref="SignInQuery.UserWindows"/> (KQL can; Graph's $filter cannot).</summary>
    bool SupportsUserWindows { get; }

    Task<RetrievalProgress> ReadAsync(SignInQuery query, Func<SignInEvent, Task> onSignIn, CancellationToken cancellationToken);
}
