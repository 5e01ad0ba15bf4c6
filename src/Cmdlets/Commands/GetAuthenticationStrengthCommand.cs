using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Cmdlets.Completers;
using EntraStrongAuth.Cmdlets.Infrastructure;
using EntraStrongAuth.Cmdlets.Policies;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Core.Strength;
using EntraStrongAuth.Engine.Application;
using EntraStrongAuth.Engine.Application.Policies;
using EntraStrongAuth.Engine.Policies;

namespace EntraStrongAuth.Cmdlets.Commands;

/// <summary>
/// The authentication strengths with their combinations: the tenant's (built-in and custom) when connected, the
/// built-in ones otherwise, or those in saved Graph JSON files (-Path).
/// </summary>
[Cmdlet(VerbsCommon.Get, "AuthenticationStrength")]
[OutputType(typeof(AuthenticationStrength))]
public sealed class GetAuthenticationStrengthCommand : AsyncPSCmdlet
{
    /// <summary>Display names; wildcards allowed.</summary>
    [Parameter(Position = 0)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(AuthenticationStrengthNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? Id { get; set; }

    /// <summary>Saved Graph JSON (a page or an array of strengths) instead of the tenant.</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Path { get; set; }

    /// <summary>Only the built-in strengths.</summary>
    [Parameter]
    public SwitchParameter BuiltIn { get; set; }

    protected override async Task EndProcessingAsync(CancellationToken cancellationToken)
    {
        var host = CreateRunHost();
        var strengths = await ReadAsync(host, cancellationToken).ConfigureAwait(false);
        var names = new StrengthNameMatcher(Name);
        var ids = new HashSet<string>(Id ?? Array.Empty<string>(), StringComparer.OrdinalIgnoreCase);
        var selected = strengths
            .Where(s => !BuiltIn || s.IsBuiltIn)
            .Where(s => names.Matches(s.DisplayName))
            .Where(s => ids.Count == 0 || ids.Contains(s.Id))
            .ToList();
        foreach (var strength in selected)
        {
            await WriteObjectAsync(strength).ConfigureAwait(false);
        }

        var seen = strengths.Where(s => !BuiltIn || s.IsBuiltIn).Select(s => new string?[] { s.DisplayName }).ToList();
        foreach (var name in names.Unmatched(seen))
        {
            await WriteErrorAsync(NotFound("name '" + name + "'"), name).ConfigureAwait(false);
        }

        foreach (var id in ids.Where(i => !strengths.Any(s => string.Equals(s.Id, i, StringComparison.OrdinalIgnoreCase))))
        {
            await WriteErrorAsync(NotFound("id '" + id + "'"), id).ConfigureAwait(false);
        }
    }

    private async Task<IReadOnlyList<AuthenticationStrength>> ReadAsync(IRunHost host, CancellationToken cancellationToken)
    {
        if (Path is { } paths)
        {
            var (files, problems) = await InvokeOnPipelineAsync(() => PolicyPathResolver.Resolve(this, paths)).ConfigureAwait(false);
            foreach (var problem in problems)
            {
                await WriteErrorAsync(problem, null).ConfigureAwait(false);
            }

            var (policies, strengths) = await PolicyReading.ReadFilesAsync(host, files).ConfigureAwait(false);
            if (policies.Count > 0)
            {
                await WriteVerboseAsync("Left out " + policies.Count + " Conditional Access policies found in the files (Get-StrongAuthPolicy -Path reads them).").ConfigureAwait(false);
            }

            return strengths;
        }

        if (ConnectionStore.Current is not { } connection)
        {
            await WriteVerboseAsync("Not connected to Microsoft Graph: these are the built-in strengths from this module's data. Run Connect-EntraStrongAuth (Policy.Read.All) to read the tenant's custom strengths too, or pass saved JSON with -Path.").ConfigureAwait(false);
            return StrengthData.BuiltIn.Strengths;
        }

        var retriever = new PolicyRetriever(connection);
        var result = await retriever.GetAuthenticationStrengthsAsync(PolicyReading.Events(host), cancellationToken).ConfigureAwait(false);
        await PolicyReading.ReportAsync(host, result.Problems).ConfigureAwait(false);
        TenantNameCache.Remember(result.Items);
        await WriteVerboseAsync("Read " + result.Items.Count + " authentication strengths from Microsoft Graph in " + retriever.Requests + " requests.").ConfigureAwait(false);
        return result.Items;
    }

    private static EntraStrongAuthException NotFound(string what) =>
        new("AuthenticationStrengthNotFound", FailureKind.ObjectNotFound, "No authentication strength has the " + what + ".", "Run Get-AuthenticationStrength without -Name and -Id to see them all; names complete with Tab.");
}
