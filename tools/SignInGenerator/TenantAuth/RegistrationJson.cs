using System.Text.Json.Nodes;
using EntraStrongAuth.SignInGenerator.Output;

namespace EntraStrongAuth.SignInGenerator.TenantAuth;

/// <summary>
/// A user's registered methods in the two Graph views: <c>users/{id}/authentication/methods</c> (one object per method,
/// typed by @odata.type) and the registration report's <c>userRegistrationDetails</c>. Both come from the same
/// <see cref="UserAuth"/>, so they agree by construction (the report's freshness aside).
/// </summary>
internal static class RegistrationJson
{
    public static JsonArray Methods(UserAuth user)
    {
        var array = new JsonArray();
        foreach (var method in user.Methods)
        {
            array.Add(Method(method));
        }

        return array;
    }

    /// <summary>The methodsRegistered name of a method kind (userRegistrationDetails; FIDO2 keys are passKeyDeviceBound now).</summary>
    public static string? ReportName(MethodKind kind) => kind switch
    {
        MethodKind.MicrosoftAuthenticator => "microsoftAuthenticatorPush",
        MethodKind.Phone => "mobilePhone",
        MethodKind.SoftwareOath => "softwareOneTimePasscode",
        MethodKind.Fido2 => "passKeyDeviceBound",
        MethodKind.WindowsHelloForBusiness => "windowsHelloForBusiness",
        _ => null,
    };

    public static JsonObject Details(UserAuth auth, TenantAuthData data)
    {
        var user = auth.User;
        string[] registered = auth.Methods.Select(m => ReportName(m.Kind)).OfType<string>().ToArray();
        bool fido2Enabled = data.Fido2EnabledFor(user);
        bool mfaRegistered = registered.Length > 0;
        // Capable = registered and allowed by the methods policy: a FIDO2 key outside the pilot does not count.
        bool mfaCapable = auth.Methods.Any(m => m.Kind is MethodKind.MicrosoftAuthenticator or MethodKind.Phone or MethodKind.SoftwareOath
            or MethodKind.WindowsHelloForBusiness || (m.Kind == MethodKind.Fido2 && fido2Enabled));
        bool passwordless = auth.Has(MethodKind.WindowsHelloForBusiness) || (auth.Has(MethodKind.Fido2) && fido2Enabled);
        bool ssprEnabled = user.UserType == "member" && !user.IsServiceAccount;
        bool ssprRegistered = auth.Has(MethodKind.MicrosoftAuthenticator) || auth.Has(MethodKind.Phone);
        string preferred = auth.Has(MethodKind.MicrosoftAuthenticator) ? "push" : auth.Has(MethodKind.Phone) ? "sms"
            : auth.Has(MethodKind.SoftwareOath) ? "oath" : "";
        // systemPreferredAuthenticationMethods names second factors only (push, oath, sms, voice…; no FIDO2 value).
        var systemPreferred = new JsonArray();
        if (preferred.Length > 0)
        {
            systemPreferred.Add(preferred);
        }

        // Property order and the empty strings of a user without methods follow the list example (beta list doc).
        return new JsonObject
        {
            ["id"] = user.Id,
            ["userPrincipalName"] = user.UserPrincipalName,
            ["userDisplayName"] = user.DisplayName,
            ["isAdmin"] = user.IsAdmin,
            ["isSsprRegistered"] = ssprRegistered,
            ["isSsprEnabled"] = ssprEnabled,
            ["isSsprCapable"] = ssprEnabled && ssprRegistered,
            ["isMfaRegistered"] = mfaRegistered,
            ["isMfaCapable"] = mfaCapable,
            ["isPasswordlessCapable"] = passwordless,
            ["lastUpdatedDateTime"] = auth.ReportUpdated.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["methodsRegistered"] = new JsonArray(registered.Select(r => (JsonNode?)r).ToArray()),
            ["defaultMfaMethod"] = preferred switch
            {
                "push" => "microsoftAuthenticatorPush",
                "sms" => "mobilePhone",
                "oath" => "softwareOneTimePasscode",
                _ => "",
            },
            ["isSystemPreferredAuthenticationMethodEnabled"] = true,
            ["systemPreferredAuthenticationMethods"] = systemPreferred,
            ["userPreferredMethodForSecondaryAuthentication"] = preferred,
            ["userType"] = user.UserType,
        };
    }

    private static JsonObject Method(RegisteredMethod method)
    {
        var json = new JsonObject { ["@odata.type"] = "#microsoft.graph." + TypeName(method.Kind), ["id"] = method.Id };
        switch (method.Kind)
        {
            case MethodKind.Password:
                json["password"] = null;
                json["createdDateTime"] = Formats.GraphTime(method.Created);
                break;
            case MethodKind.MicrosoftAuthenticator:
                json["displayName"] = method.DisplayName;
                json["deviceTag"] = method.Detail;
                json["phoneAppVersion"] = "6.2409.6094";
                json["createdDateTime"] = Formats.GraphTime(method.Created);
                break;
            case MethodKind.Phone:
                json["phoneNumber"] = method.Detail;
                json["phoneType"] = method.Model;
                json["smsSignInState"] = "notAllowedByPolicy";
                break;
            case MethodKind.SoftwareOath:
                json["secretKey"] = null;
                break;
            case MethodKind.Fido2:
                json["displayName"] = method.DisplayName;
                json["createdDateTime"] = Formats.GraphTime(method.Created);
                json["aaGuid"] = method.Detail;
                json["model"] = method.Model;
                json["attestationCertificates"] = new JsonArray();
                json["attestationLevel"] = "attested";
                break;
            case MethodKind.WindowsHelloForBusiness:
                json["displayName"] = method.DisplayName;
                json["createdDateTime"] = Formats.GraphTime(method.Created);
                json["keyStrength"] = "normal";
                break;
        }

        return json;
    }

    private static string TypeName(MethodKind kind) => kind switch
    {
        MethodKind.Password => "passwordAuthenticationMethod",
        MethodKind.MicrosoftAuthenticator => "microsoftAuthenticatorAuthenticationMethod",
        MethodKind.Phone => "phoneAuthenticationMethod",
        MethodKind.SoftwareOath => "softwareOathAuthenticationMethod",
        MethodKind.Fido2 => "fido2AuthenticationMethod",
        _ => "windowsHelloForBusinessAuthenticationMethod",
    };
}
