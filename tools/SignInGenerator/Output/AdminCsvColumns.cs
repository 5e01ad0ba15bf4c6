namespace EntraStrongAuth.SignInGenerator.Output;

/// <summary>
/// The Entra admin center's interactive sign-in CSV download, newest known layout (57 columns, 2025-01): header names
/// exactly as the portal writes them, trailing spaces, double space and the duplicated "Incoming token type"
/// included, each paired with how the portal renders the value (display words rather than Graph enum names).
/// </summary>
internal static class AdminCsvColumns
{
    private static readonly HashSet<int> InterruptCodes = new() { 50072, 50074, 50097, 50125, 50140, 50158, 50199 };

    public static readonly IReadOnlyList<(string Header, Func<SignIn, string> Value)> All = new (string, Func<SignIn, string>)[]
    {
        ("Date (UTC)", s => Formats.GraphTime(s.CreatedDateTime)),
        ("Request ID", s => s.Id),
        ("User agent", s => s.Client.UserAgent),
        ("Correlation ID", s => s.CorrelationId),
        ("User ID", s => s.User.Id),
        ("User", s => s.User.DisplayName),
        ("Username", s => s.User.UserPrincipalName),
        ("User type", s => s.User.UserType == "guest" ? "Guest" : "Member"),
        ("Cross tenant access type", s => s.User.CrossTenantAccessType == "b2bCollaboration" ? "B2B collaboration" : "None"),
        ("Incoming token type", IncomingTokenType),
        ("Authentication Protocol", s => Protocol(s.AuthenticationProtocol)),
        ("Unique token identifier", s => s.UniqueTokenIdentifier),
        ("Original transfer method", _ => "None"),
        ("Client credential type", _ => "None"),
        ("Token Protection - Sign In Session", _ => ""),
        ("Token Protection - Sign In Session StatusCode", _ => ""),
        ("Application", s => s.App.DisplayName),
        ("Application ID ", s => s.App.Id),
        ("App owner tenant ID", s => s.App.OwnerTenantId),
        ("Resource", s => s.Resource.DisplayName),
        ("Resource ID ", s => s.Resource.Id),
        ("Resource tenant ID", s => s.ResourceTenantId),
        ("Resource owner tenant ID", s => s.Resource.OwnerTenantId),
        ("Home tenant ID", s => s.User.HomeTenantId),
        ("Home tenant name", _ => ""),
        ("IP address", s => s.IpAddress),
        ("Location", s => s.Place.City + ", " + s.Place.State + ", " + s.Place.CountryOrRegion),
        ("Status", s => s.IsSuccess ? "Success" : InterruptCodes.Contains(s.ErrorCode) ? "Interrupted" : "Failure"),
        ("Sign-in error code", s => Formats.Number(s.ErrorCode)),
        ("Failure reason", s => s.IsSuccess ? "" : s.FailureReason ?? ""),
        ("Client app", s => s.Client.ClientAppUsed),
        ("Device ID", s => Device(s)?.DeviceId ?? ""),
        ("Browser", s => s.Client.Browser),
        ("Operating System", s => s.Client.OperatingSystem),
        ("Compliant", s => Device(s)?.IsCompliant == true ? "true" : "false"),
        ("Managed", s => Device(s)?.IsManaged == true ? "true" : "false"),
        ("Join Type", s => Device(s)?.TrustType ?? ""),
        ("Multifactor authentication result", s => Formats.MfaStep(s)?.ResultDetail ?? ""),
        ("Multifactor authentication auth method", s => Formats.MfaStep(s)?.Method ?? ""),
        ("Multifactor authentication auth detail", s => Formats.MfaStep(s)?.MethodDetail ?? ""),
        ("Authentication requirement", s => s.AuthenticationRequirement == "multiFactorAuthentication" ? "Multifactor authentication" : "Single-factor authentication"),
        ("Sign-in identifier", s => s.User.UserPrincipalName),
        ("Session ID", s => s.SessionId),
        ("IP address (seen by resource)", _ => ""),
        ("Through Global Secure Access", _ => "false"),
        ("Global Secure Access IP address", _ => ""),
        ("Autonomous system  number", s => Formats.Number(s.Place.AutonomousSystemNumber)),
        ("Flagged for review", _ => "false"),
        ("Token issuer type", s => s.TokenIssuerType),
        ("Incoming token type", IncomingTokenType),
        ("Token issuer name", s => s.TokenIssuerName),
        ("Latency", s => Formats.Number(s.ProcessingTimeMs)),
        ("Conditional Access", s => s.ConditionalAccessStatus switch { "success" => "Success", "failure" => "Failure", _ => "Not Applied" }),
        ("Managed Identity type", _ => ""),
        ("Associated Resource Id", _ => ""),
        ("Federated Token Id", _ => ""),
        ("Federated Token Issuer", _ => ""),
    };

    /// <summary>The header line exactly as downloaded: every name quoted, CRLF.</summary>
    public static string HeaderLine => string.Join(",", All.Select(c => "\"" + c.Header + "\"")) + "\r\n";

    private static DeviceInfo? Device(SignIn s) => s.Client.PresentsDevice ? s.User.Device : null;

    private static string IncomingTokenType(SignIn s) => s.IncomingTokenType switch
    {
        "refreshToken" => "Refresh token",
        "primaryRefreshToken" => "Primary refresh token",
        _ => "None",
    };

    private static string Protocol(string protocol) => protocol switch
    {
        "ropc" => "ROPC",
        "oAuth2" => "OAuth 2.0",
        "deviceCode" => "Device code",
        _ => "None",
    };
}
