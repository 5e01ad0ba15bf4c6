using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using EntraStrongAuth.Core.Connection;
using EntraStrongAuth.Core.Errors;

namespace EntraStrongAuth.Cmdlets.Connection;

/// <summary>
/// The Microsoft Graph PowerShell SDK's session (Connect-MgGraph), read through its public commands only, on the
/// pipeline thread (they touch the runspace):
/// <list type="bullet">
/// <item>Detected when the Microsoft.Graph.Authentication module is loaded (Get-Module: never imported by us) and
/// Get-MgContext returns a context.</item>
/// <item>Its token: Invoke-MgGraphRequest -OutputType HttpResponseMessage -SkipHttpErrorCheck sends one small request
/// through the session's own authentication (which renews the token as needed) and returns the response, whose
/// RequestMessage carries the Authorization header that was sent. This is the SDK's documented output type, unlike
/// its internal GraphSession/AuthContext classes, which change between versions.</item>
/// </list>
/// The token goes straight to the Engine's credential; it is never written to any stream.
/// </summary>
internal static class GraphPowerShellSession
{
    public const string ModuleName = "Microsoft.Graph.Authentication";

    /// <summary>The request whose Authorization header is read: small, on every tenant; a 403 still carries the header.</summary>
    internal const string TokenProbeUri = "v1.0/organization?$select=id";

    private static readonly char[] LineBreaks = { '\r', '\n' };

    // First whether the module is loaded here, then its context (nothing when not connected).
    private const string ReadContextScript =
        "if (Microsoft.PowerShell.Core\\Get-Module -Name " + ModuleName + ") { $true; " + ModuleName + "\\Get-MgContext } else { $false }";

    private const string ReadEnvironmentScript = ModuleName + "\\Get-MgEnvironment -Name $args[0]";

    private const string ReadTokenScript =
        "$response = " + ModuleName + "\\Invoke-MgGraphRequest -Method GET -Uri $args[0] -OutputType HttpResponseMessage -SkipHttpErrorCheck -Verbose:$false -Debug:$false -ErrorAction Stop\n"
        + "try { $response.RequestMessage.Headers.Authorization.Parameter } finally { $response.Dispose() }";

    /// <summary>The connected session, or null when the module is not loaded or not connected. Pipeline thread only.</summary>
    public static GraphSessionSnapshot? TryRead(PSCmdlet cmdlet) => TryRead(cmdlet, out _);

    /// <summary>
    /// As <see cref="TryRead(PSCmdlet)"/>; <paramref name="moduleLoaded"/> says whether this runspace has the module at
    /// all (a ForEach-Object -Parallel runspace does not import it, and cannot tell whether the session still exists).
    /// </summary>
    public static GraphSessionSnapshot? TryRead(PSCmdlet cmdlet, out bool moduleLoaded)
    {
        if (cmdlet is null)
        {
            throw new ArgumentNullException(nameof(cmdlet));
        }

        var results = cmdlet.InvokeCommand.InvokeScript(ReadContextScript);
        moduleLoaded = results.Count > 0 && results[0]?.BaseObject is true;
        var context = results.Skip(1).FirstOrDefault(item => item?.BaseObject is not null);
        if (context is null)
        {
            return null;
        }

        var environmentName = Text(context, "Environment") ?? "Global";
        return new GraphSessionSnapshot(
            Text(context, "TenantId"),
            Text(context, "Account"),
            Text(context, "ClientId"),
            List(context, "Scopes"),
            Text(context, "AuthType") ?? "Delegated",
            Cloud(cmdlet, environmentName));
    }

    /// <summary>The session's current access token (renewed by the session when near expiry). Pipeline thread only.</summary>
    public static string AcquireToken(PSCmdlet cmdlet)
    {
        if (cmdlet is null)
        {
            throw new ArgumentNullException(nameof(cmdlet));
        }

        string? token;
        try
        {
            token = cmdlet.InvokeCommand.InvokeScript(ReadTokenScript, true, System.Management.Automation.Runspaces.PipelineResultTypes.None, null, TokenProbeUri)
                .Select(item => item?.BaseObject as string).FirstOrDefault(text => !string.IsNullOrEmpty(text));
        }
        catch (RuntimeException ex)
        {
            throw Unavailable("Invoke-MgGraphRequest failed: " + FirstLine(ex.Message), ex);
        }

        return token ?? throw Unavailable("Invoke-MgGraphRequest sent no Authorization header (a Graph PowerShell SDK older than 2.0 does not return the request).", null);
    }

    /// <summary>The named clouds are the module's own; a custom one (Add-MgEnvironment) is asked of Get-MgEnvironment.</summary>
    private static CloudEnvironment Cloud(PSCmdlet cmdlet, string name)
    {
        if (CloudEnvironment.Known.FirstOrDefault(cloud => string.Equals(cloud.Name, name, StringComparison.OrdinalIgnoreCase)) is { } known)
        {
            return known;
        }

        var environment = cmdlet.InvokeCommand.InvokeScript(ReadEnvironmentScript, true, System.Management.Automation.Runspaces.PipelineResultTypes.None, null, name)
            .FirstOrDefault(item => item?.BaseObject is not null);
        if (environment is not null
            && Uri.TryCreate(Text(environment, "GraphEndpoint"), UriKind.Absolute, out var graph)
            && Uri.TryCreate(Text(environment, "AzureADEndpoint"), UriKind.Absolute, out var authority))
        {
            return CloudEnvironment.Custom(authority, graph);
        }

        throw new EntraStrongAuthException(
            ErrorIds.GraphSessionTokenUnavailable,
            FailureKind.ConnectionError,
            "The Microsoft Graph PowerShell session uses the environment '" + name + "', which Get-MgEnvironment does not describe.",
            "Connect with Connect-EntraStrongAuth -GraphEndpoint and -AuthorityHost instead.");
    }

    private static EntraStrongAuthException Unavailable(string why, Exception? inner) => new(
        ErrorIds.GraphSessionTokenUnavailable,
        FailureKind.AuthenticationError,
        "The Microsoft Graph PowerShell session's access token could not be read: " + why,
        "Check Get-MgContext and run Connect-MgGraph again, or connect with Connect-EntraStrongAuth.",
        inner);

    private static string? Text(PSObject item, string property)
    {
        var value = item.Properties[property]?.Value;
        var text = value is PSObject wrapped ? wrapped.BaseObject?.ToString() : value?.ToString();
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }

    private static string[] List(PSObject item, string property)
    {
        var value = item.Properties[property]?.Value;
        value = value is PSObject wrapped ? wrapped.BaseObject : value;
        return value switch
        {
            null => Array.Empty<string>(),
            string single => new[] { single },
            IEnumerable many => many.Cast<object?>().Select(scope => scope?.ToString()).Where(scope => !string.IsNullOrWhiteSpace(scope)).Select(scope => scope!).ToArray(),
            _ => new[] { value.ToString()! },
        };
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(LineBreaks);
        return end < 0 ? message : message.Substring(0, end);
    }
}
