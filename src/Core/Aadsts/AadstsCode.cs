using System.Globalization;
using System.Text.RegularExpressions;

namespace EntraStrongAuth.Core.Aadsts;

/// <summary>Parses the ways people write an AADSTS code: <c>50074</c>, <c>AADSTS50074</c>, <c>aadsts 50074</c>.</summary>
public static class AadstsCode
{
    // AADSTS codes are 5 to 7 digits today (16000 … 9002313); any short number is accepted so that 0 (the
    // sign-in logs' "success") and a future or mistyped code still parse and get an answer.
    private static readonly Regex BareCode = new(
        @"^\s*(?:AADSTS\s*)?(?<code>\d{1,8})\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>True when <paramref name="text"/> is exactly one code, with or without the AADSTS prefix.</summary>
    public static bool TryParse(string? text, out int code)
    {
        code = 0;
        if (text is null)
        {
            return false;
        }

        var match = BareCode.Match(text);
        return match.Success
            && int.TryParse(match.Groups["code"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out code);
    }
}
