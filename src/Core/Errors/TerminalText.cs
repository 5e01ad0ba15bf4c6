namespace EntraStrongAuth.Core.Errors;

/// <summary>
/// For the module's format views (EntraStrongAuth.Format.ps1xml): a value from a log shown on one line of the
/// console with its control characters visible (<c>\u001B</c>), as <see cref="MessageText"/> does for messages.
/// Output objects keep the real text for scripts; only what a view prints passes here, so a user agent or app name
/// cannot colour, move or retitle the admin's terminal, nor start a fake line of the view with a line feed.
/// </summary>
public static class TerminalText
{
    /// <summary>The value's text on one line; line feeds and tabs are escaped too. Null gives an empty string.</summary>
    public static string Line(object? value) => MessageText.EscapeValue(value?.ToString());
}
