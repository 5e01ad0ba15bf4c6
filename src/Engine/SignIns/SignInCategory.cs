using System;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Engine.SignIns;

/// <summary>What a log's name says about its sign-ins: interactive or not, and the event type.</summary>
internal static class SignInCategory
{
    /// <summary>
    /// Log Analytics Category/Type and the diagnostic category say which log an event came from. They fill
    /// isInteractive and signInEventTypes only where the record itself is silent; a record's own isInteractive wins
    /// (SigninLogs held non-interactive events too before they got a table of their own).
    /// </summary>
    public static void Apply(SignInEvent e, string? category)
    {
        if (category is null)
        {
            return;
        }

        string? eventType = null;
        bool? interactive = null;
        if (category.IndexOf("NonInteractive", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            eventType = "nonInteractiveUser";
            interactive = false;
        }
        else if (category.IndexOf("ServicePrincipal", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            eventType = "servicePrincipal";
            interactive = false;
        }
        else if (category.IndexOf("ManagedIdentity", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            eventType = "managedIdentity";
            interactive = false;
        }
        else if (category.IndexOf("SignIn", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            eventType = "interactiveUser";
            interactive = true;
        }

        if (eventType is null)
        {
            return;
        }

        e.IsInteractive ??= interactive;
        if (e.SignInEventTypes.Count == 0)
        {
            var userEvent = eventType is "interactiveUser" or "nonInteractiveUser";
            e.SignInEventTypes = [userEvent ? (e.IsInteractive == true ? "interactiveUser" : "nonInteractiveUser") : eventType];
        }
    }
}
