using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Core.Classification;

/// <summary>
/// Where a sign-in stood when it proved MFA: which resource, from which network, at which risk. The linker keeps
/// this of a session's or flow's MFA successes, so a later failure can say what changed since (diagnosis step 4: did
/// the app move to another resource, or did the network or risk change since the last strong proof?).
/// </summary>
internal sealed class FlowContext
{
    private FlowContext(SignInEvent signIn)
    {
        Ticks = signIn.CreatedDateTime.UtcTicks;
        SignInId = signIn.Id;
        ResourceId = signIn.ResourceId;
        ResourceName = signIn.ResourceDisplayName;
        IpAddress = signIn.IpAddress;
        Country = signIn.CountryOrRegion;
        Risk = signIn.RiskLevelDuringSignIn;
    }

    public long Ticks { get; }

    public string? SignInId { get; }

    public string? ResourceId { get; }

    public string? ResourceName { get; }

    public string? IpAddress { get; }

    public string? Country { get; }

    public string? Risk { get; }

    public static FlowContext Of(SignInEvent signIn) => new(signIn);

    /// <summary>Later first, then by id: the proof a failure compares with never depends on input order.</summary>
    public bool IsLaterThan(FlowContext other) =>
        Ticks != other.Ticks ? Ticks > other.Ticks : string.CompareOrdinal(SignInId, other.SignInId) > 0;
}
