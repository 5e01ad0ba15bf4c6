using System;
using System.Collections.Generic;
using System.Linq;

namespace EntraStrongAuth.Core.Classification;

/// <summary>The cause table: rules in priority order and the definition (remedy, benign-when-resolved) of each cause.</summary>
public sealed class CauseRuleSet
{
    private readonly Dictionary<FailureCause, CauseDefinition> _causes;

    public CauseRuleSet(IReadOnlyList<CauseRule> rules, IEnumerable<CauseDefinition> causes, string source)
    {
        Rules = rules ?? throw new ArgumentNullException(nameof(rules));
        _causes = (causes ?? throw new ArgumentNullException(nameof(causes))).ToDictionary(c => c.Cause);
        Source = source ?? throw new ArgumentNullException(nameof(source));
    }

    public IReadOnlyList<CauseRule> Rules { get; }

    public IReadOnlyCollection<CauseDefinition> Causes => _causes.Values;

    /// <summary>The file the rules came from.</summary>
    public string Source { get; }

    /// <summary>The definition of a cause; null for <see cref="FailureCause.Other"/>, whose remedy comes from the AADSTS catalog.</summary>
    public CauseDefinition? Definition(FailureCause cause) => _causes.TryGetValue(cause, out var definition) ? definition : null;
}
