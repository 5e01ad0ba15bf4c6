using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Core.Strength;
using EntraStrongAuth.Engine.Connection;
using EntraStrongAuth.Engine.Policies;

namespace EntraStrongAuth.Engine.Application.Policies;

/// <summary>
/// Get-AuthenticationStrength's work once its parameters are bound: the strengths read (saved files, the tenant, or
/// the built-in ones when not connected), those matching the names and ids written, and a name or id that matched
/// nothing reported as AuthenticationStrengthNotFound.
/// </summary>
public sealed class StrengthQuery
{
    private readonly StrengthQueryOptions _options;
    private readonly IRunHost _host;

    public StrengthQuery(StrengthQueryOptions options, IRunHost host)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _host = host ?? throw new ArgumentNullException(nameof(host));
    }

    /// <summary>The strengths in saved Graph JSON; policies found there are left out (and said so).</summary>
    public async Task<IReadOnlyList<AuthenticationStrength>> ReadFilesAsync(IEnumerable<string> files)
    {
        var (policies, strengths) = await PolicyReading.ReadFilesAsync(_host, files).ConfigureAwait(false);
        if (policies.Count > 0)
        {
            await _host.WriteVerboseAsync("Left out " + policies.Count + " Conditional Access policies found in the files (Get-StrongAuthPolicy -Path reads them).").ConfigureAwait(false);
        }

        return strengths;
    }

    /// <summary>The tenant's strengths (names kept for Tab completion), or the built-in ones without a connection.</summary>
    public async Task<IReadOnlyList<AuthenticationStrength>> ReadTenantAsync(GraphConnection? connection, CancellationToken cancellationToken)
    {
        if (connection is null)
        {
            await _host.WriteVerboseAsync("Not connected to Microsoft Graph: these are the built-in strengths from this module's data. Run Connect-EntraStrongAuth (Policy.Read.All) to read the tenant's custom strengths too, or pass saved JSON with -Path.").ConfigureAwait(false);
            return StrengthData.BuiltIn.Strengths;
        }

        var retriever = new PolicyRetriever(connection);
        var result = await retriever.GetAuthenticationStrengthsAsync(PolicyReading.Events(_host), cancellationToken).ConfigureAwait(false);
        await PolicyReading.ReportAsync(_host, result.Problems).ConfigureAwait(false);
        TenantNameCache.Remember(result.Items);
        await _host.WriteVerboseAsync("Read " + result.Items.Count + " authentication strengths from Microsoft Graph in " + retriever.Requests + " requests.").ConfigureAwait(false);
        return result.Items;
    }

    /// <summary>Writes the strengths asked for, then an error for each name or id that matched none.</summary>
    public async Task WriteSelectedAsync(IReadOnlyList<AuthenticationStrength> strengths)
    {
        if (strengths is null)
        {
            throw new ArgumentNullException(nameof(strengths));
        }

        var names = new StrengthNameMatcher(_options.Names);
        var ids = new HashSet<string>(_options.Ids ?? Array.Empty<string>(), StringComparer.OrdinalIgnoreCase);
        var inScope = strengths.Where(s => !_options.BuiltInOnly || s.IsBuiltIn).ToList();
        foreach (var strength in inScope.Where(s => names.Matches(s.DisplayName) && (ids.Count == 0 || ids.Contains(s.Id))))
        {
            await _host.WriteOutputAsync(strength).ConfigureAwait(false);
        }

        foreach (var name in names.Unmatched(inScope.Select(s => new string?[] { s.DisplayName }).ToList()))
        {
            await _host.WriteErrorAsync(NotFound("name '" + name + "'"), name).ConfigureAwait(false);
        }

        foreach (var id in ids.Where(i => !strengths.Any(s => string.Equals(s.Id, i, StringComparison.OrdinalIgnoreCase))))
        {
            await _host.WriteErrorAsync(NotFound("id '" + id + "'"), id).ConfigureAwait(false);
        }
    }

    private static EntraStrongAuthException NotFound(string what) =>
        new(ErrorIds.AuthenticationStrengthNotFound, FailureKind.ObjectNotFound, "No authentication strength has the " + what + ".", "Run Get-AuthenticationStrength without -Name and -Id to see them all; names complete with Tab.");
}
