namespace EntraStrongAuth.SignInGenerator.Catalog;

/// <summary>
/// status.failureReason as Entra writes it per error code (the sign-in log repeats the AADSTS message text, with the
/// resource id filled in where the message names one). "{resource}" is replaced by the resource app id.
/// </summary>
internal static class FailureReasons
{
    /// <summary>What Graph puts in failureReason of a successful sign-in.</summary>
    public const string Success = "Other.";

    private static readonly Dictionary<int, string> Texts = new()
    {
        [50072] = "Due to a configuration change made by your administrator, or because you moved to a new location, you must enroll in multi-factor authentication to access '{resource}'.",
        [50074] = "Strong Authentication is required.",
        [50076] = "Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '{resource}'.",
        [50078] = "Presented multi-factor authentication has expired due to policies configured by your administrator, you must refresh your multi-factor authentication to access '{resource}'.",
        [50079] = "Due to a configuration change made by your administrator, or because you moved to a new location, you must enroll in multi-factor authentication to access '{resource}'.",
        [50140] = "This error occurred due to 'Keep me signed in' interrupt when the user was signing-in.",
        [50158] = "External security challenge not satisfied. User will be redirected to another page or authentication provider to satisfy additional authentication challenges.",
        [50173] = "The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password.",
        [50199] = "For security reasons, user confirmation is required for this request. Please repeat the request allowing user interaction.",
        [70043] = "The refresh token has expired or is invalid due to sign-in frequency checks by conditional access.",
        [70044] = "The session has expired or is invalid due to sign-in frequency checks by conditional access.",
        [90072] = "User account from identity provider does not exist in tenant and cannot access the application in that tenant. The account needs to be added as an external user in the tenant first.",
        [500121] = "Authentication failed during strong authentication request.",
    };

    public static IEnumerable<int> KnownCodes => Texts.Keys;

    public static string For(int code, string resourceId) =>
        Texts.TryGetValue(code, out var text) ? text.Replace("{resource}", resourceId, System.StringComparison.Ordinal) : "Other.";
}
