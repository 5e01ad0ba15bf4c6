using System;
using System.Collections.Generic;
using System.Linq;

namespace EntraStrongAuth.Core.Connection;

/// <summary>
/// Which Graph scopes a sign-in asks for. App-only flows can only ask for the app's granted permissions
/// (<c>.default</c>); delegated flows ask for named permissions, qualified with this cloud's Graph host because a
/// bare name means graph.microsoft.com to the identity platform.
/// </summary>
public static class GraphScopes
{
    /// <summary>
    /// Least privilege for what the module reads by default: sign-in logs and the registration report
    /// (AuditLog.Read.All) and the Conditional Access details inside sign-ins (Policy.Read.All; without it Graph
    /// returns the policies as null). Commands that need more say so in their help.
    /// </summary>
    public static IReadOnlyList<string> DelegatedDefaults { get; } = new[] { "AuditLog.Read.All", "Policy.Read.All" };

    public static IReadOnlyList<string> For(ConnectionOptions options)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        // A Graph PowerShell session's token grants what that session consented to; those are its scopes.
        if (options.Kind == CredentialKind.GraphSession)
        {
            return options.Scopes;
        }

        if (!options.IsDelegated)
        {
            return new[] { options.Environment.DefaultScope };
        }

        var requested = options.Scopes.Count == 0 ? DelegatedDefaults : options.Scopes;
        return requested.Select(scope => Qualify(scope, options.Environment)).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
    }

    private static string Qualify(string scope, CloudEnvironment environment) =>
        scope.IndexOf("://", StringComparison.Ordinal) >= 0 || scope.Equals("offline_access", StringComparison.OrdinalIgnoreCase)
            ? scope
            : new Uri(environment.GraphEndpoint, scope.Trim()).ToString();
}
