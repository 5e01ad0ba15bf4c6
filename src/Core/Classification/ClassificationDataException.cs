using System;
using System.Collections.Generic;
using System.Linq;

namespace EntraStrongAuth.Core.Classification;

/// <summary>
/// A classification data file (automation apps, user-agent patterns, cause rules) that cannot be used. The whole
/// file is rejected: rules are tried in order, so silently dropping one bad rule would change what the others mean.
/// </summary>
public sealed class ClassificationDataException : Exception
{
    public ClassificationDataException()
    {
    }

    public ClassificationDataException(string message)
        : base(message)
    {
    }

    public ClassificationDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ClassificationDataException(IReadOnlyList<ClassificationDataProblem> problems)
        : base(string.Join(Environment.NewLine, (problems ?? throw new ArgumentNullException(nameof(problems))).Select(p => p.ToString())))
    {
        Problems = problems;
    }

    /// <summary>Every problem found in the file; empty when the file's outer shape was wrong (see the message).</summary>
    public IReadOnlyList<ClassificationDataProblem> Problems { get; } = Array.Empty<ClassificationDataProblem>();
}
