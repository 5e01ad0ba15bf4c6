using System;

namespace EntraStrongAuth.Core.Strength;

/// <summary>Why one registered method does not count (or what limits it): a stable reason code and a sentence for people.</summary>
public sealed class MethodFinding
{
    public MethodFinding(RegisteredMethod method, MethodReason reason, string text)
    {
        Method = method ?? throw new ArgumentNullException(nameof(method));
        ReasonKind = reason;
        Text = text ?? throw new ArgumentNullException(nameof(text));
    }

    public RegisteredMethod Method { get; }

    public string Reason => ReasonKind.ToString();

    internal MethodReason ReasonKind { get; }

    public string Text { get; }

    public override string ToString() => Method + ": " + Reason + " — " + Text;
}
