using System;
using System.Globalization;
using System.Threading;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Tests.Classification;

/// <summary>
/// Realistic sign-ins built in code (values as Graph beta writes them; reference/mission-anchors.md §b2-b3).
/// A failure starts as an interactive browser sign-in to the Azure portal with Conditional Access visible but not
/// demanding anything; tests add exactly the facts they are about.
/// </summary>
internal static class TestSignIns
{
    public const string AzurePortal = "c44b4083-3bb0-49c1-b47d-974e53cbdf3c";
    public const string AzureCli = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";
    public const string AzurePowerShell = "1950a258-227b-4e31-a9cf-717495945fc2";
    public const string GraphCommandLineTools = "14d82eec-204b-4c2f-b7e8-296a70dab67e";
    public const string VisualStudioCode = "aebc6443-996d-45c2-90f0-388ff96faa56";
    public const string MicrosoftOffice = "d3590ed6-52b3-4102-aeff-aad2292ab01c";
    public const string AzureManagement = "797f4846-ba00-4fd7-ba43-dac1f8f63013";
    public const string EdgeUserAgent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36 Edg/122.0.2365.92";

    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static int _ids;

    public static SignInEvent Failure(int code, int atSeconds = 0) => Interactive(code, atSeconds);

    public static SignInEvent Success(int atSeconds = 0) => Interactive(0, atSeconds);

    /// <summary>A new GUID-shaped id that is readable in test output.</summary>
    public static string NewId(string prefix = "00000000") =>
        prefix + "-0000-4000-8000-" + Interlocked.Increment(ref _ids).ToString("D12", CultureInfo.InvariantCulture);

    private static SignInEvent Interactive(int code, int atSeconds) => new()
    {
        Id = NewId("5a1e0000"),
        CreatedDateTime = T0.AddSeconds(atSeconds),
        UserId = "6e7b768e-07e2-4810-8459-485f84f8f204",
        UserPrincipalName = "AdeleV@contoso.onmicrosoft.com",
        UserType = "member",
        AppId = AzurePortal,
        AppDisplayName = "Azure Portal",
        ResourceId = AzureManagement,
        ResourceDisplayName = "Windows Azure Service Management API",
        IpAddress = "203.0.113.42",
        ClientAppUsed = "Browser",
        UserAgent = EdgeUserAgent,
        IsInteractive = true,
        SignInEventTypes = new[] { "interactiveUser" },
        AuthenticationProtocol = "none",
        IncomingTokenType = "none",
        TokenIssuerType = "AzureAD",
        CorrelationId = NewId("c0e10000"),
        OriginalRequestId = NewId("0e1a0000"),
        SessionId = NewId("5e550000"),
        ErrorCode = code,
        AuthenticationRequirement = code == 0 ? "multiFactorAuthentication" : "singleFactorAuthentication",
        OperatingSystem = "Windows10",
        Browser = "Edge 122.0.2365",
        AppliedConditionalAccessPolicies = new[]
        {
            new AppliedConditionalAccessPolicy { Id = "0f5b1e0c-1a65-4d59-8f4c-2b6c2a3a9e01", DisplayName = "Block legacy authentication", Result = "notApplied", EnforcedGrantControls = new[] { "Block" } },
        },
        ConditionalAccessStatus = "notApplied",
    };
}
