namespace EntraStrongAuth.Core.Strength;

/// <summary>A mode of a registered method that is not available to the user, and why.</summary>
internal sealed class Denial
{
    public Denial(ModeGrant grant, MethodReason reason, string text)
    {
        Grant = grant;
        Reason = reason;
        Text = text;
    }

    public ModeGrant Grant { get; }

    public MethodReason Reason { get; }

    public string Text { get; }
}
