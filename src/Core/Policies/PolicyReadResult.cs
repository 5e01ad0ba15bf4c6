using System;
using System.Collections.Generic;

namespace EntraStrongAuth.Core.Policies;

/// <summary>What a read of policies or strengths produced: the records it could read and the problems of the others.</summary>
public sealed class PolicyReadResult<T>
{
    public PolicyReadResult(IReadOnlyList<T> items, IReadOnlyList<PolicyReadProblem> problems)
    {
        Items = items ?? throw new ArgumentNullException(nameof(items));
        Problems = problems ?? throw new ArgumentNullException(nameof(problems));
    }

    public IReadOnlyList<T> Items { get; }

    public IReadOnlyList<PolicyReadProblem> Problems { get; }
}
