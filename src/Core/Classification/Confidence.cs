namespace EntraStrongAuth.Core.Classification;

/// <summary>How sure the classifier is of the cause, from how direct the deciding evidence was.</summary>
public enum Confidence
{
    Low,
    Medium,
    High,
}
