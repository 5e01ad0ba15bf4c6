using System;
using EntraStrongAuth.Cmdlets.Infrastructure;
using EntraStrongAuth.Core.Connection;
using EntraStrongAuth.Core.Errors;

namespace EntraStrongAuth.Cmdlets.Connection;

/// <summary>
/// -Environment, or a custom cloud from -GraphEndpoint and -AuthorityHost. Sign-ins that never talk to the
/// authority (an access token, a managed identity) need only -GraphEndpoint.
/// </summary>
internal static class CloudEnvironmentResolver
{
    public static CloudEnvironment Resolve(string environment, Uri? graphEndpoint, Uri? authorityHost, CredentialKind kind, Uri? logAnalyticsEndpoint = null)
    {
        var cloud = ResolveCloud(environment, graphEndpoint, authorityHost, kind);
        if (logAnalyticsEndpoint is null)
        {
            return cloud;
        }

        if (!logAnalyticsEndpoint.IsAbsoluteUri)
        {
            throw new TerminatingErrorException(ErrorRecords.Create(
                ErrorIds.IncompleteCustomEnvironment,
                FailureKind.InvalidArgument,
                "-LogAnalyticsEndpoint must be an absolute URL; got '" + logAnalyticsEndpoint + "'.",
                logAnalyticsEndpoint,
                "Pass the query API's base, e.g. https://api.loganalytics.azure.com/."));
        }

        return cloud.WithLogAnalyticsEndpoint(logAnalyticsEndpoint);
    }

    private static CloudEnvironment ResolveCloud(string environment, Uri? graphEndpoint, Uri? authorityHost, CredentialKind kind)
    {
        var named = CloudEnvironment.Get(environment);
        if (graphEndpoint is null && authorityHost is null)
        {
            return named;
        }

        var authorityNeeded = kind is not (CredentialKind.AccessToken or CredentialKind.ManagedIdentity);
        if (graphEndpoint is null || !graphEndpoint.IsAbsoluteUri || (authorityNeeded && (authorityHost is null || !authorityHost.IsAbsoluteUri)))
        {
            throw new TerminatingErrorException(ErrorRecords.Create(
                ErrorIds.IncompleteCustomEnvironment,
                FailureKind.InvalidArgument,
                authorityNeeded
                    ? "A custom environment needs both -GraphEndpoint and -AuthorityHost as absolute URLs."
                    : "A custom environment needs -GraphEndpoint as an absolute URL.",
                null,
                "Pass them, e.g. -GraphEndpoint https://graph.contoso.example -AuthorityHost https://login.contoso.example."));
        }

        // Azure.Identity only talks to a TLS-protected authority; say so before it fails with a generic error.
        if (authorityHost is not null && authorityHost.Scheme != Uri.UriSchemeHttps)
        {
            throw new TerminatingErrorException(ErrorRecords.Create(
                ErrorIds.InvalidAuthorityHost,
                FailureKind.InvalidArgument,
                "-AuthorityHost must be an https:// URL; got '" + authorityHost + "'.",
                authorityHost,
                "Pass the sign-in endpoint of the cloud over https, e.g. https://login.contoso.example/."));
        }

        return CloudEnvironment.Custom(authorityHost ?? named.AuthorityHost, graphEndpoint);
    }
}
