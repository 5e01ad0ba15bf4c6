using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace EntraStrongAuth.SignInGenerator.Output;

/// <summary>What a Log Analytics cell holds, so the JSON and CSV exports can each render it their way.</summary>
internal enum CellKind
{
    Null,
    Text,
    Number,
    Boolean,
    Json,
}

/// <summary>One cell value; JSON-valued cells keep a writer so they render nested or as text on demand.</summary>
internal readonly record struct Cell(CellKind Kind, string? Text = null, long Number = 0, bool Flag = false, Action<Utf8JsonWriter>? Json = null)
{
    public static Cell Of(string? text) => text is null ? new(CellKind.Null) : new(CellKind.Text, text);

    public static Cell Of(long number) => new(CellKind.Number, Number: number);

    public static Cell Of(bool flag) => new(CellKind.Boolean, Flag: flag);

    public static Cell JsonValue(Action<Utf8JsonWriter> write) => new(CellKind.Json, Json: write);
}

/// <summary>
/// The value of every Log Analytics sign-in column for a sign-in (PascalCase names, ResultType as a string, JSON
/// parts rendered by <see cref="GraphJson"/> in the Log Analytics flavor), plus the JSON-text rendering that string
/// columns use: indented with CRLF, as real exported rows show it.
/// </summary>
internal sealed class LogAnalyticsCells
{
    private static readonly JsonWriterOptions TextOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = true,
        NewLine = "\r\n",
    };

    private static readonly JsonWriterOptions CompactOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Dictionary<string, Func<SignIn, Cell>> columns;
    private readonly ArrayBufferWriter<byte> buffer = new(4096);

    public LogAnalyticsCells(Tenant tenant) => columns = Define(tenant);

    /// <summary>The getters of a table's columns, in the table's order (resolved once, not per row).</summary>
    public IReadOnlyList<(string Name, Func<SignIn, Cell> Value, bool Dynamic)> For(LogAnalyticsTable table) =>
        table.Columns.Select(name => (name, columns[name], table.DynamicColumns.Contains(name))).ToArray();

    /// <summary>A JSON cell as text: indented with CRLF for string-typed columns, compact for dynamic ones in CSV.</summary>
    public string JsonText(Action<Utf8JsonWriter> write, bool indented)
    {
        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer, indented ? TextOptions : CompactOptions))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static Dictionary<string, Func<SignIn, Cell>> Define(Tenant tenant)
    {
        const JsonFlavor La = JsonFlavor.Monitor;
        static Cell Json(Action<Utf8JsonWriter> write) => Cell.JsonValue(write);
        static Cell Strings(IReadOnlyList<string> values) => Json(w => GraphJson.WriteStrings(w, values));
        return new Dictionary<string, Func<SignIn, Cell>>(StringComparer.Ordinal)
        {
            ["TenantId"] = _ => Cell.Of(tenant.WorkspaceId),
            ["AADTenantId"] = _ => Cell.Of(tenant.Id),
            ["SourceSystem"] = _ => Cell.Of("Azure AD"),
            ["TimeGenerated"] = s => Cell.Of(Formats.LogTime(Formats.Ingested(s))),
            ["ResourceId"] = _ => Cell.Of(tenant.ArmResourceId),
            ["OperationName"] = _ => Cell.Of("Sign-in activity"),
            ["OperationVersion"] = _ => Cell.Of("1.0"),
            ["Category"] = s => Cell.Of(LogAnalyticsTable.For(s.IsInteractive).Category),
            ["Type"] = s => Cell.Of(LogAnalyticsTable.For(s.IsInteractive).Name),
            ["ResultType"] = s => Cell.Of(Formats.Number(s.ErrorCode)),
            ["ResultSignature"] = _ => Cell.Of("None"),
            ["ResultDescription"] = s => Cell.Of(s.IsSuccess ? "" : s.FailureReason),
            ["DurationMs"] = _ => Cell.Of(0L),
            ["CorrelationId"] = s => Cell.Of(s.CorrelationId),
            ["Resource"] = _ => Cell.Of("Microsoft.aadiam"),
            ["ResourceGroup"] = _ => Cell.Of("Microsoft.aadiam"),
            ["ResourceProvider"] = _ => Cell.Of(""),
            ["Identity"] = s => Cell.Of(s.User.DisplayName),
            ["Level"] = _ => Cell.Of("4"),
            ["Location"] = s => Cell.Of(s.Place.CountryOrRegion),
            ["AlternateSignInName"] = s => Cell.Of(s.User.UserPrincipalName),
            ["AppDisplayName"] = s => Cell.Of(s.App.DisplayName),
            ["AppId"] = s => Cell.Of(s.App.Id),
            ["AppOwnerTenantId"] = s => Cell.Of(s.App.OwnerTenantId),
            ["AuthenticationDetails"] = s => Json(w => GraphJson.WriteAuthenticationDetails(w, s, La)),
            ["AuthenticationMethodsUsed"] = s => Strings(s.AuthenticationMethodsUsed),
            ["AuthenticationProcessingDetails"] = _ => Json(GraphJson.WriteProcessingDetails),
            ["AuthenticationRequirement"] = s => Cell.Of(s.AuthenticationRequirement),
            ["AuthenticationRequirementPolicies"] = s => Json(w => GraphJson.WriteRequirementPolicies(w, s)),
            ["AuthenticationProtocol"] = s => Cell.Of(s.AuthenticationProtocol),
            ["AuthenticationContextClassReferences"] = _ => Strings([]),
            ["AuthenticatorAppLocation"] = _ => Cell.Of(""),
            ["Agent"] = _ => Cell.Of(""),
            ["AppliedConditionalAccessPolicies"] = _ => Cell.Of(""),
            ["AppliedEventListeners"] = _ => Strings([]),
            ["AutonomousSystemNumber"] = s => Cell.Of(Formats.Number(s.Place.AutonomousSystemNumber)),
            ["ClientAppUsed"] = s => Cell.Of(s.Client.ClientAppUsed),
            ["ClientCredentialType"] = _ => Cell.Of("none"),
            ["ClientSessionId"] = _ => Cell.Of(""),
            ["ConditionalAccessAudiences"] = s => Strings([s.Resource.Id]),
            ["ConditionalAccessPolicies"] = s => Json(w => GraphJson.WriteAppliedPolicies(w, s, La)),
            ["ConditionalAccessStatus"] = s => Cell.Of(s.ConditionalAccessStatus),
            ["CreatedDateTime"] = s => Cell.Of(Formats.LogTime(s.CreatedDateTime)),
            ["CrossTenantAccessType"] = s => Cell.Of(s.User.CrossTenantAccessType),
            ["DeviceDetail"] = s => Json(w => GraphJson.WriteDeviceDetail(w, s)),
            ["FederatedCredentialId"] = _ => Cell.Of(""),
            ["FlaggedForReview"] = _ => Cell.Of(false),
            ["GlobalSecureAccessIpAddress"] = _ => Cell.Of(""),
            ["HomeTenantId"] = s => Cell.Of(s.User.HomeTenantId),
            ["HomeTenantName"] = _ => Cell.Of(""),
            ["Id"] = s => Cell.Of(s.Id),
            ["IncomingTokenType"] = s => Cell.Of(s.IncomingTokenType),
            ["IPAddress"] = s => Cell.Of(s.IpAddress),
            ["IPAddressFromResourceProvider"] = _ => Cell.Of(""),
            ["IsInteractive"] = s => Cell.Of(s.IsInteractive),
            ["IsRisky"] = _ => Cell.Of((string?)null),
            ["IsTenantRestricted"] = _ => Cell.Of(false),
            ["IsThroughGlobalSecureAccess"] = _ => Cell.Of(false),
            ["LocationDetails"] = s => Json(w => GraphJson.WriteLocation(w, s, La)),
            ["MfaDetail"] = _ => Json(w => { w.WriteStartObject(); w.WriteEndObject(); }),
            ["NetworkLocationDetails"] = s => Json(w => GraphJson.WriteNetworkLocations(w, s)),
            ["OriginalRequestId"] = s => Cell.Of(s.OriginalRequestId),
            ["OriginalTransferMethod"] = _ => Cell.Of("none"),
            ["ProcessingTimeInMilliseconds"] = s => Cell.Of(Formats.Number(s.ProcessingTimeMs)),
            ["ProcessingTimeInMs"] = s => Cell.Of(Formats.Number(s.ProcessingTimeMs)),
            ["ResourceDisplayName"] = s => Cell.Of(s.Resource.DisplayName),
            ["ResourceIdentity"] = s => Cell.Of(s.Resource.Id),
            ["ResourceOwnerTenantId"] = s => Cell.Of(s.Resource.OwnerTenantId),
            ["ResourceServicePrincipalId"] = _ => Cell.Of(""),
            ["ResourceTenantId"] = s => Cell.Of(s.ResourceTenantId),
            ["RiskDetail"] = s => Cell.Of(s.Risk.Detail),
            ["RiskEventTypes"] = _ => Strings([]),
            ["RiskEventTypes_V2"] = s => Strings(s.Risk.EventTypes),
            ["RiskLevel"] = _ => Cell.Of(""),
            ["RiskLevelAggregated"] = s => Cell.Of(s.Risk.Aggregated),
            ["RiskLevelDuringSignIn"] = s => Cell.Of(s.Risk.DuringSignIn),
            ["RiskState"] = s => Cell.Of(s.Risk.State),
            ["ServicePrincipalId"] = _ => Cell.Of(""),
            ["ServicePrincipalName"] = _ => Cell.Of(""),
            ["SessionId"] = s => Cell.Of(s.SessionId),
            ["SessionLifetimePolicies"] = s => Json(w => GraphJson.WriteSessionLifetimePolicies(w, s)),
            ["SignInEventTypes"] = s => Strings(s.SignInEventTypes),
            ["SignInIdentifier"] = s => Cell.Of(s.User.UserPrincipalName),
            ["SignInIdentifierType"] = _ => Cell.Of("userPrincipalName"),
            ["Status"] = s => Json(w => GraphJson.WriteStatus(w, s, La)),
            ["TokenIssuerName"] = s => Cell.Of(s.TokenIssuerName),
            ["TokenIssuerType"] = s => Cell.Of(s.TokenIssuerType),
            ["TokenProtectionStatusDetails"] = _ => Cell.Of(""),
            ["UniqueTokenIdentifier"] = s => Cell.Of(s.UniqueTokenIdentifier),
            ["UserAgent"] = s => Cell.Of(s.Client.UserAgent),
            ["UserDisplayName"] = s => Cell.Of(s.User.DisplayName),
            ["UserId"] = s => Cell.Of(s.User.Id),
            ["UserPrincipalName"] = s => Cell.Of(s.User.UserPrincipalName),
            ["UserType"] = s => Cell.Of(Formats.Capitalised(s.User.UserType)),
        };
    }
}
