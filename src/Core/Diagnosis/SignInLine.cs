using System.Globalization;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Core.Diagnosis;

/// <summary>One sign-in as one evidence line: time, result, interactivity, app and resource, id.</summary>
internal static class SignInLine
{
    public static string Of(SignInEvent signIn) =>
        signIn.CreatedDateTime.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)
        + " " + (signIn.IsSuccess ? "success" : "AADSTS" + signIn.ErrorCode.ToString(CultureInfo.InvariantCulture))
        + " " + Interactivity(signIn.IsInteractive)
        + " " + (signIn.AppDisplayName ?? signIn.AppId ?? "(app not recorded)")
        + (signIn.ResourceDisplayName ?? signIn.ResourceId) switch { null => string.Empty, var r => " -> " + r }
        + (signIn.Id is null ? string.Empty : " [" + signIn.Id + "]");

    public static string Interactivity(bool? interactive) => interactive switch
    {
        true => "interactive",
        false => "non-interactive",
        null => "(interactivity not recorded)",
    };
}
