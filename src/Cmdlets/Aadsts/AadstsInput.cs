using System;
using System.Globalization;
using System.Management.Automation;
using EntraStrongAuth.Core.Aadsts;

namespace EntraStrongAuth.Cmdlets.Aadsts;

/// <summary>
/// Turns whatever reaches Resolve-AadstsError's -Code into text to resolve: a code (<c>50074</c>, <c>"AADSTS50074"</c>),
/// error text, an ErrorRecord or exception from <c>$Error</c>, or an object that carries a code — <c>ErrorCode</c>
/// (exports, EntraStrongAuth objects), <c>Status.ErrorCode</c> (Graph signIn objects) or <c>ResultType</c>
/// (Log Analytics rows). Reading the property here, instead of relying on PowerShell's by-property-name binding,
/// is what lets a numeric ErrorCode work: PowerShell would otherwise convert the whole object to a string first.
/// </summary>
internal static class AadstsInput
{
    // "Sign-in error code" is the Entra admin center CSV column (every header version seen so far).
    private static readonly string[] CodeProperties = { "ErrorCode", "Sign-in error code", "ResultType", "Code" };

    /// <summary>The text to resolve, or null when the object carries no code at all.</summary>
    public static string? ToText(object? input)
    {
        var value = input is PSObject wrapped ? wrapped.BaseObject : input;
        switch (value)
        {
            case null:
                return null;
            case string text:
                return text;
            case int or long or short or uint or ulong or ushort or decimal:
                return Convert.ToString(value, CultureInfo.InvariantCulture);
            case ErrorRecord record:
                return MessagesOf(record.Exception) + " " + record.ErrorDetails?.Message;
            case Exception exception:
                return MessagesOf(exception);
        }

        var shape = input as PSObject ?? PSObject.AsPSObject(value);
        foreach (var name in CodeProperties)
        {
            if (shape.Properties[name]?.Value is { } code)
            {
                return ToText(code);
            }
        }

        // Graph's signIn keeps the code one level down: status.errorCode.
        return shape.Properties["Status"]?.Value is { } status && !(status is string)
            ? ToText(PSObject.AsPSObject(status).Properties["ErrorCode"]?.Value)
            : null;
    }

    // Graph and Log Analytics names, then the admin center CSV columns.
    private static readonly string[] CorrelationProperties = { "CorrelationId", "Correlation ID" };
    private static readonly string[] TimeProperties = { "CreatedDateTime", "TimeGenerated", "Date (UTC)", "Date" };

    /// <summary>
    /// A piped sign-in's correlation id and time, so the answer still says which sign-in it explains; null for a
    /// code, text or an object that carries neither.
    /// </summary>
    public static AadstsMessageFacts? SignInOf(object? input)
    {
        if (input is null || (input is PSObject { BaseObject: string or ValueType or ErrorRecord or Exception }) || input is string or ValueType or ErrorRecord or Exception)
        {
            return null;
        }

        var shape = input as PSObject ?? PSObject.AsPSObject(input);
        var correlationId = FirstText(shape, CorrelationProperties);
        var time = FirstValue(shape, TimeProperties) switch
        {
            DateTimeOffset offset => offset,
            DateTime local => new DateTimeOffset(local.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(local, DateTimeKind.Utc) : local.ToUniversalTime()),
            string text when DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed) => parsed,
            _ => (DateTimeOffset?)null,
        };
        return correlationId is null && time is null ? null : new AadstsMessageFacts(Array.Empty<int>(), null, correlationId, time, null);
    }

    private static object? FirstValue(PSObject shape, string[] names)
    {
        foreach (var name in names)
        {
            if (shape.Properties[name]?.Value is { } value)
            {
                return value is PSObject wrapped ? wrapped.BaseObject : value;
            }
        }

        return null;
    }

    private static string? FirstText(PSObject shape, string[] names) =>
        FirstValue(shape, names) is { } value && Convert.ToString(value, CultureInfo.InvariantCulture) is { Length: > 0 } text ? text : null;

    /// <summary>MSAL and Azure.Identity wrap the AADSTS text in inner exceptions; collect all messages.</summary>
    private static string MessagesOf(Exception exception)
    {
        var text = exception.Message;
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            text += " " + inner.Message;
        }

        return text;
    }
}
