using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Cmdlets.Aadsts;
using EntraStrongAuth.Cmdlets.Completers;
using EntraStrongAuth.Cmdlets.Infrastructure;
using EntraStrongAuth.Core.Aadsts;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Engine.Application.Aadsts;

namespace EntraStrongAuth.Cmdlets.Commands;

/// <summary>Explains AADSTS error codes: meaning, whether a person can fix it, remedy steps, related codes.</summary>
[Cmdlet(VerbsDiagnostic.Resolve, "AadstsError", DefaultParameterSetName = CodeSet)]
[OutputType(typeof(AadstsErrorInfo))]
public sealed class ResolveAadstsErrorCommand : AsyncPSCmdlet
{
    /// <summary>Environment variable naming a user catalog file, used when -CatalogPath is not given.</summary>
    public const string CatalogVariable = AadstsResolution.CatalogVariable;

    private const string CodeSet = "Code";
    private const string MessageSet = "Message";
    private const string ListSet = "ListAvailable";

    private AadstsResolution? _resolution;

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = CodeSet)]
    [Alias("ErrorCode")]
    [ArgumentCompleter(typeof(AadstsCodeCompleter))]
    [AllowEmptyString]
    [AllowNull]
    public object?[] Code { get; set; } = Array.Empty<object>();

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = MessageSet)]
    [Alias("ErrorMessage")]
    [AllowEmptyString]
    public string[] Message { get; set; } = Array.Empty<string>();

    [Parameter(Mandatory = true, ParameterSetName = ListSet)]
    public SwitchParameter ListAvailable { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? CatalogPath { get; set; }

    protected override async Task BeginProcessingAsync(CancellationToken cancellationToken)
    {
        _resolution = new AadstsResolution(CreateRunHost());
        var path = CatalogPath ?? Environment.GetEnvironmentVariable(CatalogVariable);
        if (!string.IsNullOrWhiteSpace(path))
        {
            var fullPath = await InvokeOnPipelineAsync(() => GetUnresolvedProviderPathFromPSPath(path)).ConfigureAwait(false);
            await _resolution.AddUserCatalogAsync(fullPath).ConfigureAwait(false);
        }
    }

    protected override async Task ProcessRecordAsync(CancellationToken cancellationToken)
    {
        switch (ParameterSetName)
        {
            case ListSet:
                break;
            case MessageSet:
                foreach (var text in Message)
                {
                    await _resolution!.ResolveMessageAsync(text, cancellationToken).ConfigureAwait(false);
                }

                break;
            default:
                foreach (var input in Code)
                {
                    await _resolution!.ResolveCodeAsync(AadstsInput.ToText(input), input, SignIns.PSObjectReader.TypeName(input), AadstsInput.SignInOf(input), cancellationToken).ConfigureAwait(false);
                }

                break;
        }
    }

    protected override Task EndProcessingAsync(CancellationToken cancellationToken) =>
        ParameterSetName == ListSet ? _resolution!.ListAsync(cancellationToken) : Task.CompletedTask;
}
