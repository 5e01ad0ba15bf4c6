namespace EntraStrongAuth.Core.SignIns;

/// <summary>
/// Where a source value lands in a <see cref="SignInEvent"/>: the key of <see cref="SignInFieldRegistry"/>, which says
/// per field what each format calls it (Graph camelCase, Log Analytics PascalCase, admin center headers, diagnostic
/// envelope), its type, and whether the outcome linker needs it. The conversion of a value (text to number,
/// JSON-in-a-string to objects …) is written once, in the Engine's record builder and JSON field mapper.
/// </summary>
internal enum SignInField
{
    /// <summary>Not mapped: the value is skipped.</summary>
    None,

    // Plain strings of the signIn resource.
    Id,
    UserId,
    UserPrincipalName,
    UserDisplayName,
    UserType,
    AppId,
    AppDisplayName,
    ResourceId,
    ResourceDisplayName,
    ServicePrincipalId,
    IpAddress,
    ClientAppUsed,
    UserAgent,
    AuthenticationProtocol,
    IncomingTokenType,
    OriginalTransferMethod,
    TokenIssuerType,
    TokenIssuerName,
    CorrelationId,
    OriginalRequestId,
    SessionId,
    AuthenticationRequirement,
    ConditionalAccessStatus,
    RiskLevelDuringSignIn,
    RiskLevelAggregated,
    RiskState,
    RiskDetail,
    ClientCredentialType,
    CrossTenantAccessType,
    HomeTenantId,
    ResourceTenantId,

    // Typed scalars.
    CreatedDateTime,
    AutonomousSystemNumber,
    IsInteractive,

    // Parts of status / location / deviceDetail / mfaDetail, for flat sources (CSV) and the nested readers.
    ErrorCode,
    FailureReason,
    AdditionalDetails,
    City,
    State,
    CountryOrRegion,
    DeviceId,
    DeviceDisplayName,
    OperatingSystem,
    Browser,
    IsCompliant,
    IsManaged,
    TrustType,

    /// <summary>mfaDetail.authMethod (beta, deprecated by Graph but still written): the MFA method used.</summary>
    MfaAuthMethod,

    /// <summary>mfaDetail.authDetail: the MFA method's detail (a masked phone number …).</summary>
    MfaAuthDetail,

    // String lists.
    SignInEventTypes,
    AuthenticationMethodsUsed,

    /// <summary>riskEventTypes (deprecated): used only when riskEventTypes_v2 is absent.</summary>
    RiskEventTypes,
    RiskEventTypesV2,

    // Structured values (objects or arrays of objects).
    Status,
    Location,
    DeviceDetail,
    AppliedConditionalAccessPolicies,
    AuthenticationDetails,
    AuthenticationRequirementPolicies,
    SessionLifetimePolicies,
    NetworkLocationDetails,

    /// <summary>mfaDetail {authMethod, authDetail}: its parts are <see cref="MfaAuthMethod"/> and <see cref="MfaAuthDetail"/>.</summary>
    MfaDetail,

    /// <summary>The diagnostic archive's <c>properties</c>: a whole Graph signIn inside the envelope.</summary>
    NestedSignIn,

    // Envelope / table columns that only fill a gap the signIn itself left (see SignInRecordBuilder.Complete).

    /// <summary>Log Analytics TimeGenerated, diagnostic <c>time</c>: the event time when createdDateTime is absent.</summary>
    EventTime,

    /// <summary>Log Analytics ResultType, diagnostic <c>resultType</c>: the error code as text ("50076", "0", "Success").</summary>
    ResultType,

    /// <summary>Log Analytics ResultDescription: the failure reason when status has none.</summary>
    ResultDescription,

    /// <summary>Log Analytics Category/Type, diagnostic <c>category</c>: tells interactive from non-interactive.</summary>
    Category,

    /// <summary>Log Analytics Location, diagnostic <c>location</c>: a two-letter country code.</summary>
    CountryCode,

    /// <summary>Diagnostic <c>callerIpAddress</c>.</summary>
    CallerIpAddress,

    /// <summary>Diagnostic top-level <c>correlationId</c> (the one inside properties wins).</summary>
    EnvelopeCorrelationId,

    // Admin center CSV columns that hold display text rather than a Graph value.

    /// <summary>"City, State, CC".</summary>
    LocationText,

    /// <summary>"Multifactor authentication result": with the auth method and detail columns, one authentication step.</summary>
    MfaResult,
}
