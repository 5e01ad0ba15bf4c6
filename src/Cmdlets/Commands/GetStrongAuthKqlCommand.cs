using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Cmdlets.Completers;
using EntraStrongAuth.Cmdlets.Infrastructure;
using EntraStrongAuth.Cmdlets.Paths;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Core.Workspace;
using EntraStrongAuth.Engine.Application.SentinelTemplates;

namespace EntraStrongAuth.Cmdlets.Commands;

/// <summary>
/// The module's KQL for Log Analytics and Microsoft Sentinel: the catalog's queries as objects, or its alert rules
/// written as Sentinel analytics-rule templates (YAML or ARM), one file per rule.
/// </summary>
[Cmdlet(VerbsCommon.Get, "StrongAuthKql", DefaultParameterSetName = ListSet, SupportsShouldProcess = true)]
[OutputType(typeof(KqlCatalogEntry), ParameterSetName = new[] { ListSet })]
[OutputType(typeof(FileInfo), ParameterSetName = new[] { TemplateSet })]
public sealed class GetStrongAuthKqlCommand : AsyncPSCmdlet
{
    private const string ListSet = "List";
    private const string TemplateSet = "SentinelTemplate";

    private static readonly string[] Everything = { "*" };

    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(KqlCatalogNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    [Parameter]
    public KqlQueryKind? Kind { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = TemplateSet)]
    public SwitchParameter AsSentinelTemplate { get; set; }

    [Parameter(ParameterSetName = TemplateSet)]
    public SentinelTemplateFormat Format { get; set; } = SentinelTemplateFormat.Yaml;

    [Parameter(Mandatory = true, ParameterSetName = TemplateSet)]
    [ValidateNotNullOrEmpty]
    public string OutputPath { get; set; } = string.Empty;

    [Parameter(ParameterSetName = TemplateSet)]
    public SwitchParameter Force { get; set; }

    protected override async Task ProcessRecordAsync(CancellationToken cancellationToken)
    {
        var entries = await SelectAsync().ConfigureAwait(false);
        if (!AsSentinelTemplate)
        {
            foreach (var entry in entries)
            {
                await WriteObjectAsync(entry).ConfigureAwait(false);
            }

            return;
        }

        var folder = await InvokeOnPipelineAsync(ResolveFolder).ConfigureAwait(false);
        foreach (var entry in entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (entry.Alert is not { } rule)
            {
                // Without -Name only the alerts were asked for; a named analysis query is said to have no template.
                if (Name is null)
                {
                    continue;
                }

                await WriteWarningAsync("'" + entry.Name + "' is an analysis query, not an alert rule: it has no Sentinel template (Get-StrongAuthKql -Name " + entry.Name + " prints it).").ConfigureAwait(false);
                continue;
            }

            var path = Path.Combine(folder, SentinelTemplateFiles.FileName(entry.Name, Format));
            var text = SentinelTemplateFiles.Render(rule, Format);
            if (!await InvokeOnPipelineAsync(() => ShouldProcess(path, "Write the Sentinel analytics rule '" + rule.DisplayName + "' (" + Format + ")")).ConfigureAwait(false))
            {
                continue;
            }

            try
            {
                await WriteObjectAsync(SentinelTemplateFiles.Write(path, text, Force)).ConfigureAwait(false);
            }
            catch (EntraStrongAuthException failure)
            {
                await WriteErrorAsync(failure, path).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The entries -Name and -Kind select, in catalog order; a -Name without wildcards that matches none is an error.</summary>
    private async Task<List<KqlCatalogEntry>> SelectAsync()
    {
        var patterns = (Name ?? Everything).Select(n => (Text: n, Pattern: WildcardPattern.Get(n, WildcardOptions.IgnoreCase))).ToList();
        var byKind = KqlCatalog.All.Where(e => Kind is null || e.QueryKind == Kind).ToList();
        foreach (var (text, pattern) in patterns.Where(p => !WildcardPattern.ContainsWildcardCharacters(p.Text)))
        {
            if (!byKind.Any(e => pattern.IsMatch(e.Name)))
            {
                await WriteErrorAsync(
                    new EntraStrongAuthException(
                        ErrorIds.KqlQueryNotFound,
                        FailureKind.ObjectNotFound,
                        "No " + (Kind is null ? string.Empty : Kind + " ") + "query of the KQL catalog is named '" + text + "'.",
                        "Run Get-StrongAuthKql without -Name to list the queries: " + string.Join(", ", KqlCatalog.All.Select(e => e.Name)) + "."),
                    text).ConfigureAwait(false);
            }
        }

        return byKind.Where(e => patterns.Any(p => p.Pattern.IsMatch(e.Name))).ToList();
    }

    /// <summary>The -OutputPath folder as a file-system path (it may not exist yet); a file or another provider's path stops the command.</summary>
    private string ResolveFolder()
    {
        var path = OutputPathResolver.Resolve(this, OutputPath, why => new EntraStrongAuthException(ErrorIds.KqlOutputPathInvalid, FailureKind.InvalidArgument, "-OutputPath '" + OutputPath + "' cannot be used: " + why + ".", "Give a folder path of the file system, such as ./sentinel-rules."));

        if (File.Exists(path))
        {
            throw new EntraStrongAuthException(ErrorIds.KqlOutputPathInvalid, FailureKind.InvalidArgument, "-OutputPath '" + OutputPath + "' is a file; the templates are written into a folder, one file per rule.", "Give a folder path (it is created when missing).");
        }

        return path;
    }
}
