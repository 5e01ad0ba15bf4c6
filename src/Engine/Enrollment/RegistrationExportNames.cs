using System;
using System.Collections.Generic;
using System.Linq;

namespace EntraStrongAuth.Engine.Enrollment;

/// <summary>
/// The names a registration export may use, as data: column headers per field, and method display names per Graph
/// <c>methodsRegistered</c> value. Lookups ignore case, spaces and punctuation, so "User principal name" and
/// "userPrincipalName", "Microsoft Authenticator push" and "microsoftAuthenticatorPush" meet.
/// Sourced: the Graph property names and methodsRegistered values (userRegistrationDetails, v1.0 and beta; see
/// mission-anchors b6). Assumed: the admin center's display headers and method names — Microsoft does not document
/// the download's columns, so these follow the labels the User registration details blade shows; add a variant here
/// when an export uses another.
/// </summary>
internal static class RegistrationExportNames
{
    public static readonly IReadOnlyList<(RegistrationColumn Column, string[] Headers)> Columns = new[]
    {
        (RegistrationColumn.Id, new[] { "id", "Object ID", "User ID" }),
        (RegistrationColumn.UserPrincipalName, new[] { "userPrincipalName", "User principal name", "UPN" }),
        (RegistrationColumn.DisplayName, new[] { "userDisplayName", "Display name", "Name", "User" }),
        (RegistrationColumn.UserType, new[] { "userType", "User type" }),
        (RegistrationColumn.IsAdmin, new[] { "isAdmin", "Admin" }),
        (RegistrationColumn.IsMfaRegistered, new[] { "isMfaRegistered", "Multifactor authentication registered", "MFA registered" }),
        (RegistrationColumn.IsMfaCapable, new[] { "isMfaCapable", "Multifactor authentication capable", "MFA capable" }),
        (RegistrationColumn.IsPasswordlessCapable, new[] { "isPasswordlessCapable", "Passwordless capable" }),
        (RegistrationColumn.MethodsRegistered, new[] { "methodsRegistered", "Methods registered" }),
        (RegistrationColumn.DefaultMfaMethod, new[] { "defaultMfaMethod", "Default MFA method", "Default method" }),
        (RegistrationColumn.LastUpdated, new[] { "lastUpdatedDateTime", "Last updated", "Last updated time" }),
    };

    /// <summary>Graph value, then the display names the admin center is assumed to use for it.</summary>
    public static readonly IReadOnlyList<string[]> Methods = new[]
    {
        new[] { "microsoftAuthenticatorPush", "Microsoft Authenticator app", "Microsoft Authenticator (push notification)" },
        new[] { "microsoftAuthenticatorPasswordless", "Microsoft Authenticator passwordless sign-in", "Microsoft Authenticator phone sign-in" },
        new[] { "mobilePhone", "Phone", "Mobile phone (SMS or voice)" },
        new[] { "alternateMobilePhone", "Alternate mobile phone" },
        new[] { "officePhone", "Office phone" },
        new[] { "sms", "Text message" },
        new[] { "email", "Email address" },
        new[] { "softwareOneTimePasscode", "Software OATH token", "Software OTP" },
        new[] { "hardwareOneTimePasscode", "Hardware OATH token", "Hardware OTP" },
        new[] { "windowsHelloForBusiness", "Windows Hello" },
        new[] { "fido2SecurityKey", "FIDO2 security key", "Security key", "FIDO2" },
        new[] { "passKeyDeviceBound", "Passkey (device-bound)", "Device-bound passkey" },
        new[] { "passKeyDeviceBoundAuthenticator", "Passkey (Microsoft Authenticator)", "Passkey in Microsoft Authenticator" },
        new[] { "passKeyDeviceBoundWindowsHello", "Passkey (Windows Hello)", "Passkey in Windows Hello" },
        new[] { "passKeySynced", "Passkey (synced)", "Synced passkey" },
        new[] { "macOsSecureEnclaveKey", "Platform Credential for macOS", "macOS Secure Enclave key" },
        new[] { "temporaryAccessPass", "Temporary Access Pass", "TAP" },
        new[] { "externalAuthMethod", "External authentication method" },
        new[] { "securityQuestion", "Security questions" },
        new[] { "appPassword", "App password" },
        new[] { "qrCode", "QR code" },
    };

    private static readonly Dictionary<string, RegistrationColumn> ColumnByKey =
        Index(Columns.SelectMany(c => c.Headers.Select(h => (h, c.Column))));

    private static readonly Dictionary<string, string> MethodByKey =
        Index(Methods.SelectMany(row => row.Select(name => (name, row[0]))));

    public static RegistrationColumn ColumnOf(string header) =>
        ColumnByKey.TryGetValue(Key(header), out var column) ? column : RegistrationColumn.None;

    /// <summary>The Graph value of a method name or value; null when the table does not know it.</summary>
    public static string? MethodOf(string name) => MethodByKey.TryGetValue(Key(name), out var value) ? value : null;

    // The tables list both spellings of a name for the reader of this file; they share a key, and the first wins.
    private static Dictionary<string, T> Index<T>(IEnumerable<(string Name, T Value)> names)
    {
        var index = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var (name, value) in names)
        {
            var key = Key(name);
            if (!index.ContainsKey(key))
            {
                index[key] = value;
            }
        }

        return index;
    }

    /// <summary>"Passkey (device-bound)" and "passKeyDeviceBound" both become "passkeydevicebound".</summary>
    private static string Key(string text) =>
        new string(text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
