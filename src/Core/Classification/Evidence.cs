namespace EntraStrongAuth.Core.Classification;

/// <summary>One fact that decided (or supported) a classification: field = value, and why it mattered.</summary>
public sealed class Evidence
{
    public Evidence(string field, string? value, string reason)
    {
        Field = field;
        Value = value;
        Reason = reason;
    }

    /// <summary>The sign-in field, in Graph's name, e.g. <c>authenticationProtocol</c> or <c>appliedConditionalAccessPolicies[0].authenticationStrength.authenticationStrengthResult</c>.</summary>
    public string Field { get; }

    /// <summary>The value seen; null when the evidence is the field's absence.</summary>
    public string? Value { get; }

    public string Reason { get; }

    public override string ToString() => Field + " = " + (Value ?? "(absent)") + ": " + Reason;
}
