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

namespace EntraStrongAuth.Cmdlets.Commands;

/// <summary>Explains AADSTS error codes: meaning, whether a person can fix it, remedy steps, related codes.</summary>
[Cmdlet(VerbsDiagnostic.Resolve, "AadstsError", DefaultParameterSetName = CodeSet)]
[OutputType(typeof(AadstsErrorInfo))]
public sealed class ResolveAadstsErrorCommand : AsyncPSCmdlet
{
    /// <summary>Environment variable naming a user catalog file, used when -CatalogPath is not given.</summary>
    public const string CatalogVariable = "ENTRASTRONGAUTH_AADSTS_CATALOG";

    private const string CodeSet = "Code";
    private const string MessageSet = "Message";
    private const string ListSet = "ListAvailable";

    private AadstsCatalog _catalog = AadstsCatalog.BuiltIn;

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
        var path = CatalogPath ?? Environment.GetEnvironmentVariable(CatalogVariable);
        if (!string.IsNullOrWhiteSpace(path))
        {
            _catalog = await LoadUserCatalogAsync(path!).ConfigureAwait(false);
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
                    await ResolveMessageAsync(text, cancellationToken).ConfigureAwait(false);
                }

                break;
            default:
                foreach (var input in Code)
                {
                    await ResolveInputAsync(input, cancellationToken).ConfigureAwait(false);
                }

                break;
        }
    }

    protected override async Task EndProcessingAsync(CancellationToken cancellationToken)
    {
        if (ParameterSetName == ListSet)
        {
            foreach (var entry in _catalog.Entries)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await WriteObjectAsync(new AadstsErrorInfo(entry)).ConfigureAwait(false);
            }
        }
    }

    private async Task<AadstsCatalog> LoadUserCatalogAsync(string path)
    {
        var fullPath = await InvokeOnPipelineAsync(() => GetUnresolvedProviderPathFromPSPath(path)).ConfigureAwait(false);
        if (!File.Exists(fullPath))
        {
            throw new EntraStrongAuthException(
                "AadstsCatalogFileNotFound",
                FailureKind.ObjectNotFound,
                "The AADSTS catalog file '" + fullPath + "' does not exist.",
                "Pass the path of a JSON catalog to -CatalogPath, or clear $env:" + CatalogVariable + ".");
        }

        AadstsCatalogReadResult result;
        try
        {
            result = AadstsCatalog.ReadFile(fullPath);
        }
        catch (AadstsCatalogFormatException ex)
        {
            throw new EntraStrongAuthException("InvalidAadstsCatalogFile", FailureKind.InvalidData, ex.Message, "Fix the file; see about_EntraStrongAuth for the catalog format.", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new EntraStrongAuthException("AadstsCatalogFileUnreadable", FailureKind.ResourceUnavailable, "The AADSTS catalog file '" + fullPath + "' cannot be read: " + ex.Message, null, ex);
        }

        foreach (var problem in result.Problems)
        {
            // A bad entry is skipped and reported; the file's good entries still apply.
            var failure = new EntraStrongAuthException("InvalidAadstsCatalogEntry", FailureKind.InvalidData, problem.ToString(), "Fix or remove the entry; the other entries are used.");
            await WriteErrorAsync(failure, problem).ConfigureAwait(false);
        }

        await WriteVerboseAsync(string.Format(CultureInfo.InvariantCulture, "Read {0} entries from the user catalog '{1}'.", result.Entries.Count, fullPath)).ConfigureAwait(false);
        return _catalog.With(result.Entries);
    }

    private async Task ResolveInputAsync(object? input, CancellationToken cancellationToken)
    {
        var value = AadstsInput.ToText(input);
        if (value is null)
        {
            var type = SignIns.PSObjectReader.TypeName(input);
            await WriteErrorAsync(
                new EntraStrongAuthException("InvalidAadstsCode", FailureKind.InvalidArgument, "The input (" + type + ") is not an AADSTS code and has no ErrorCode, Status.ErrorCode or ResultType property.", "Pass a code such as 50074, error text, or objects that carry an ErrorCode."),
                input).ConfigureAwait(false);
            return;
        }

        if (AadstsCode.TryParse(value, out var code))
        {
            if (code == 0)
            {
                // Sign-in logs use 0 for success: piping a whole log in must not raise an error per success.
                await WriteVerboseAsync("Error code 0 means the sign-in succeeded; nothing to resolve.").ConfigureAwait(false);
                return;
            }

            await WriteResolvedAsync(code, null, null).ConfigureAwait(false);
            return;
        }

        // Not a bare code: accept error text too, so `$Error[0] | Resolve-AadstsError` works.
        if (!string.IsNullOrWhiteSpace(value) && AadstsMessageScanner.Scan(value).Codes.Count > 0)
        {
            await ResolveMessageAsync(value, cancellationToken).ConfigureAwait(false);
            return;
        }

        await WriteErrorAsync(
            new EntraStrongAuthException("InvalidAadstsCode", FailureKind.InvalidArgument, "'" + value + "' is not an AADSTS code.", "Pass a number such as 50074 or AADSTS50074, or use -Message with error text that contains AADSTS codes."),
            value).ConfigureAwait(false);
    }

    private async Task ResolveMessageAsync(string text, CancellationToken cancellationToken)
    {
        var facts = AadstsMessageScanner.Scan(text ?? string.Empty);
        if (facts.Codes.Count == 0)
        {
            await WriteErrorAsync(
                new EntraStrongAuthException("NoAadstsCodeInMessage", FailureKind.InvalidArgument, "The message contains no AADSTS code: '" + Shorten(text) + "'.", "Pass the full error text, which names a code such as AADSTS50076."),
                text).ConfigureAwait(false);
            return;
        }

        foreach (var code in facts.Codes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await WriteResolvedAsync(code, text, facts).ConfigureAwait(false);
        }
    }

    private async Task WriteResolvedAsync(int code, string? message, AadstsMessageFacts? facts)
    {
        if (!_catalog.TryGet(code, out var entry))
        {
            var link = AadstsErrorInfo.BuildLookupUri(code).ToString();
            await WriteErrorAsync(
                new EntraStrongAuthException("UnknownAadstsCode", FailureKind.ObjectNotFound, string.Format(CultureInfo.InvariantCulture, "AADSTS{0} is not in the EntraStrongAuth catalog. Look it up at {1}", code, link), "Open " + link + ", or add the code to a user catalog (-CatalogPath)."),
                code).ConfigureAwait(false);
            return;
        }

        await WriteObjectAsync(new AadstsErrorInfo(entry)
        {
            Message = message,
            TraceId = facts?.TraceId,
            CorrelationId = facts?.CorrelationId,
            Timestamp = facts?.Timestamp,
            Resource = facts?.Resource,
        }).ConfigureAwait(false);
    }

    private static string Shorten(string? text)
    {
        const int Max = 120;
        text ??= string.Empty;
        return text.Length <= Max ? text : text.Substring(0, Max) + "…";
    }
}
