using System.Globalization;
using System.Text;

namespace EntraStrongAuth.SignInGenerator.Output;

/// <summary>
/// The two JSON dialects of the same objects. Graph: the REST API and the admin center download. Monitor: what the
/// Azure Monitor pipeline writes (Log Analytics columns and the diagnostic archive's properties): timestamps with
/// 7 digits and an offset, condition flags as numbers, capitalised userType, no empty status members.
/// </summary>
internal enum JsonFlavor
{
    Graph,
    Monitor,
}

/// <summary>Value formatting shared by the writers: timestamps, condition flags and the derived display values.</summary>
internal static class Formats
{
    /// <summary>Graph's createdDateTime: whole seconds, 'Z'.</summary>
    public static string GraphTime(DateTime time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Log Analytics and the archive: seven fractional digits, 'Z'.</summary>
    public static string LogTime(DateTime time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Timestamps inside Log Analytics' JSON text columns, as exported rows show them (+00:00 offset).</summary>
    public static string LogInnerTime(DateTime time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'+00:00'", CultureInfo.InvariantCulture);

    /// <summary>When the row reached the workspace: creation plus processing time, so TimeGenerated trails CreatedDateTime.</summary>
    public static DateTime Ingested(SignIn signIn) => signIn.CreatedDateTime.AddMilliseconds(signIn.ProcessingTimeMs);

    public static string Time(DateTime time, JsonFlavor flavor) => flavor == JsonFlavor.Graph ? GraphTime(time) : LogInnerTime(time);

    /// <summary>"member" → "Member": how the Monitor pipeline spells Graph's lower-case enum values.</summary>
    public static string Capitalised(string value) => value.Length == 0 ? value : char.ToUpperInvariant(value[0]) + value[1..];

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Graph writes a conditions flag set as camelCase names joined by commas ("application,users"), "none" if empty.</summary>
    public static string ConditionNames(ConditionFlags flags)
    {
        if (flags == ConditionFlags.None)
        {
            return "none";
        }

        var builder = new StringBuilder();
        foreach (ConditionFlags flag in Enum.GetValues<ConditionFlags>())
        {
            if (flag != ConditionFlags.None && flags.HasFlag(flag))
            {
                string name = flag.ToString();
                builder.Append(builder.Length == 0 ? "" : ",").Append(char.ToLowerInvariant(name[0])).Append(name, 1, name.Length - 1);
            }
        }

        return builder.ToString();
    }

    /// <summary>The MFA step (the one the portal's "Multifactor authentication …" columns describe), if any.</summary>
    public static AuthStep? MfaStep(SignIn signIn) =>
        signIn.AuthenticationDetails.FindLast(s => s.StepRequirement == Catalog.AuthSteps.Mfa);
}
