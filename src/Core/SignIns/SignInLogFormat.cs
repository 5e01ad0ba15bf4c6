namespace EntraStrongAuth.Core.SignIns;

/// <summary>The file formats sign-ins arrive in. Auto-detected from content; the user can force one.</summary>
public enum SignInLogFormat
{
    /// <summary>Detect from the content (not only the extension).</summary>
    Auto,

    /// <summary>Graph pages (<c>{"value":[…]}</c>, one or many, v1.0 or beta) or a plain JSON array of Graph signIns (also the admin center JSON download).</summary>
    GraphJson,

    /// <summary>The Entra admin center CSV download (interactive or non-interactive; header names vary by version).</summary>
    AdminCenterCsv,

    /// <summary>Log Analytics / Sentinel export of SigninLogs or AADNonInteractiveUserSignInLogs as JSON (PascalCase columns).</summary>
    LogAnalyticsJson,

    /// <summary>Log Analytics / Sentinel export as CSV (dynamic columns hold JSON text).</summary>
    LogAnalyticsCsv,

    /// <summary>The Log Analytics query API result (<c>{"tables":[{"name":"PrimaryResult","columns":[…],"rows":[[…]]}]}</c>): REST API, <c>az rest</c>, raw SDK responses.</summary>
    LogAnalyticsQueryResult,

    /// <summary>Diagnostic-settings archive (storage account / Event Hub): one record per line with time, category, resultType, properties.</summary>
    DiagnosticArchive,
}
