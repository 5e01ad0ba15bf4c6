using System;
using System.Collections.Generic;
using System.Linq;

namespace EntraStrongAuth.Core.Strength;

/// <summary>A combination the user can complete now, and the registered methods that complete it (in the combination's order).</summary>
public sealed class SatisfiedCombination
{
    public SatisfiedCombination(string combination, IEnumerable<RegisteredMethod> methods)
    {
        Combination = combination ?? throw new ArgumentNullException(nameof(combination));
        Methods = (methods ?? throw new ArgumentNullException(nameof(methods))).ToList();
    }

    public string Combination { get; }

    public IReadOnlyList<RegisteredMethod> Methods { get; }

    public override string ToString() => Combination + " via " + string.Join(" + ", Methods);
}
