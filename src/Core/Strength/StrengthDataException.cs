using System;
using System.Collections.Generic;

namespace EntraStrongAuth.Core.Strength;

/// <summary>A strength data file (built-in strengths, method modes) that cannot be used; the message lists every problem.</summary>
public sealed class StrengthDataException : Exception
{
    public StrengthDataException()
    {
    }

    public StrengthDataException(string message)
        : base(message)
    {
    }

    public StrengthDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StrengthDataException(IReadOnlyList<string> problems)
        : base(string.Join(Environment.NewLine, problems ?? throw new ArgumentNullException(nameof(problems))))
    {
        Problems = problems;
    }

    public IReadOnlyList<string> Problems { get; } = Array.Empty<string>();
}
