namespace EntraStrongAuth.Core.Diagnosis;

/// <summary>
/// A value from a log as a PowerShell single-quoted string: PowerShell ends such a string at any of the four
/// single-quote characters (' and the typographic ‘ ’ ‚ ‛), so each is doubled; inside single quotes nothing else
/// is interpreted, so a command line built from logged names cannot run what the log put in them.
/// </summary>
public static class PowerShellLiteral
{
    public static string Quote(string value)
    {
        var builder = new System.Text.StringBuilder(value.Length + 2).Append('\'');
        foreach (var c in value)
        {
            builder.Append(c);
            if (c is '\'' or '\u2018' or '\u2019' or '\u201A' or '\u201B')
            {
                builder.Append(c);
            }
        }

        return builder.Append('\'').ToString();
    }
}
