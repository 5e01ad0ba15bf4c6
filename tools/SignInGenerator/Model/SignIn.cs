namespace EntraStrongAuth.SignInGenerator.Model;

/// <summary>
/// One generated sign-in in the Graph beta <c>signIn</c> shape. The generator keeps its own model (rather than
/// Core's SignInEvent) so that it can describe the source data exactly, nulls and odd values included, and so
/// that the readers under test never share code with the data that tests them. Every writer renders this object.
/// </summary>
internal sealed class SignIn
{
    public required string Id { get; init; }

    public required DateTime CreatedDateTime { get; set; }

    public required TenantUser User { get; init; }

    public required AppInfo App { get; set; }

    public required AppInfo Resource { get; set; }

    public required Place Place { get; set; }

    public required string IpAddress { get; set; }

    /// <summary>The tenant the sign-in happened in (this tenant, also for guests), not the resource's owner.</summary>
    public required string ResourceTenantId { get; init; }

    public required ClientProfile Client { get; set; }

    public required string CorrelationId { get; init; }

    /// <summary>The first request of the sequence: its own id for a lone sign-in, the interrupt's id for the follow-up.</summary>
    public required string OriginalRequestId { get; init; }

    public required string SessionId { get; init; }

    public required string UniqueTokenIdentifier { get; init; }

    public bool IsInteractive { get; set; }

    public string AuthenticationProtocol { get; set; } = "none";

    public string IncomingTokenType { get; set; } = "none";

    public string TokenIssuerType { get; set; } = "AzureAD";

    public string TokenIssuerName { get; set; } = "";

    public int ErrorCode { get; set; }

    public string? FailureReason { get; set; }

    public string? AdditionalDetails { get; set; }

    public string AuthenticationRequirement { get; set; } = "singleFactorAuthentication";

    public List<RequirementPolicy> RequirementPolicies { get; } = new();

    public List<AuthStep> AuthenticationDetails { get; } = new();

    public List<string> AuthenticationMethodsUsed { get; } = new();

    public List<AppliedPolicy> AppliedPolicies { get; } = new();

    public string ConditionalAccessStatus { get; set; } = "notApplied";

    public List<SessionLifetime> SessionLifetimePolicies { get; } = new();

    public Risk Risk { get; set; } = Risk.None;

    public int ProcessingTimeMs { get; set; }

    /// <summary>What really caused this failure (null for a success): the answer key the classifier is graded on.</summary>
    public FailureCause? TrueCause { get; set; }

    /// <summary>The success that settled this interrupt in the same correlation, when there was one.</summary>
    public string? ResolvedBy { get; set; }

    public required string PersonaName { get; init; }

    /// <summary>What the sign-in proved beyond the first factor (set when Conditional Access is evaluated).</summary>
    public MfaProof Proof { get; set; }

    public bool IsSuccess => ErrorCode == 0;

    /// <summary>SignInLogs or NonInteractiveUserSignInLogs: the diagnostic category and the Log Analytics table split on this.</summary>
    public IReadOnlyList<string> SignInEventTypes => IsInteractive ? InteractiveTypes : NonInteractiveTypes;

    private static readonly string[] InteractiveTypes = { "interactiveUser" };
    private static readonly string[] NonInteractiveTypes = { "nonInteractiveUser" };
}
