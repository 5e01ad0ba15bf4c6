using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Core.Retrieval;

namespace EntraStrongAuth.Core.Workspace.Alerts;

/// <summary>What the module's three analytics rules share: codes, connectors, the Account entity's columns.</summary>
internal static class AlertRuleParts
{
    /// <summary>The strong-authentication codes the rules watch: MFA required (50074, 50076), registration (50079, 50072).</summary>
    public static readonly int[] StrongAuthCodes = { 50072, 50074, 50076, 50079 };

    public static string StrongAuthCodeList => string.Join(", ", StrongAuthCodes.Select(c => KqlLiteral.Quote(c.ToString(System.Globalization.CultureInfo.InvariantCulture))));

    /// <summary>The Entra ID connector with both user sign-in tables.</summary>
    public static IReadOnlyList<AlertDataConnector> UserSignInConnector { get; } = new[] { new AlertDataConnector("AzureActiveDirectory", UserSignInLegs.Tables) };

    /// <summary>Splits the UPN into the Account entity's Name and UPNSuffix columns.</summary>
    public const string AccountColumns = "extend AccountName = tostring(split(UserPrincipalName, \"@\")[0]), AccountUPNSuffix = tostring(split(UserPrincipalName, \"@\")[1])";

    public static AlertEntityMapping AccountByName { get; } = Entity("Account", ("FullName", "UserPrincipalName"), ("Name", "AccountName"), ("UPNSuffix", "AccountUPNSuffix"));

    public static AlertEntityMapping AccountById { get; } = Entity("Account", ("AadUserId", "UserId"));

    public static AlertEntityMapping Application { get; } = Entity("CloudApplication", ("Name", "AppDisplayName"));

    public static AlertEntityMapping Ip { get; } = Entity("IP", ("Address", "IPAddress"));

    public static AlertEntityMapping Entity(string type, params (string Identifier, string Column)[] fields) =>
        new(type, fields.Select(f => new KeyValuePair<string, string>(f.Identifier, f.Column)).ToList());

    public static IReadOnlyList<KeyValuePair<string, string>> Details(params (string Key, string Column)[] details) =>
        details.Select(d => new KeyValuePair<string, string>(d.Key, d.Column)).ToList();
}
