using System;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Tests.Classification;

/// <summary>One row of the classifier's table-driven tests: a situation, and the cause, confidence, rule and deciding evidence expected.</summary>
public sealed class ClassifierCase
{
    internal ClassifierCase(string name, Func<SignInEvent> signIn, FailureCause cause, Confidence confidence, string? rule, string field, string? value)
    {
        Name = name;
        SignIn = signIn;
        Cause = cause;
        Confidence = confidence;
        Rule = rule;
        Field = field;
        Value = value;
    }

    public string Name { get; }

    internal Func<SignInEvent> SignIn { get; }

    public FailureCause Cause { get; }

    public Confidence Confidence { get; }

    public string? Rule { get; }

    /// <summary>The evidence field (Graph name, indexed) that must be among the evidence, with <see cref="Value"/>.</summary>
    public string Field { get; }

    public string? Value { get; }

    public override string ToString() => Name;
}
