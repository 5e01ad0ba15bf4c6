using System;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Aadsts;
using EntraStrongAuth.Core.Errors;

namespace EntraStrongAuth.Engine.Application.Aadsts;

/// <summary>
/// Resolve-AadstsError's work once its parameters are bound: codes and error text resolved against the built-in
/// catalog (extended by a user catalog file), each answer an AadstsErrorInfo, each input that names no known code a
/// non-terminating error with a stable id.
/// </summary>
public sealed class AadstsResolution
{
    /// <summary>The environment variable that names a user catalog when -CatalogPath is not given.</summary>
    public const string CatalogVariable = "ENTRASTRONGAUTH_AADSTS_CATALOG";

    private readonly IRunHost _host;
    private AadstsCatalog _catalog = AadstsCatalog.BuiltIn;

    public AadstsResolution(IRunHost host)
    {
        _host = host ?? throw new ArgumentNullException(nameof(host));
    }

    /// <summary>Adds a user catalog's entries; a missing or malformed file ends the command, a bad entry is an error.</summary>
    public async Task AddUserCatalogAsync(string fullPath)
    {
        if (!File.Exists(fullPath))
        {
            throw new EntraStrongAuthException(
                ErrorIds.AadstsCatalogFileNotFound,
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
            throw new EntraStrongAuthException(ErrorIds.InvalidAadstsCatalogFile, FailureKind.InvalidData, ex.Message, "Fix the file; see about_EntraStrongAuth for the catalog format.", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new EntraStrongAuthException(ErrorIds.AadstsCatalogFileUnreadable, FailureKind.ResourceUnavailable, "The AADSTS catalog file '" + fullPath + "' cannot be read: " + ex.Message, null, ex);
        }

        foreach (var problem in result.Problems)
        {
            // A bad entry is skipped and reported; the file's good entries still apply.
            var failure = new EntraStrongAuthException(ErrorIds.InvalidAadstsCatalogEntry, FailureKind.InvalidData, problem.ToString(), "Fix or remove the entry; the other entries are used.");
            await _host.WriteErrorAsync(failure, problem).ConfigureAwait(false);
        }

        await _host.WriteVerboseAsync(string.Format(CultureInfo.InvariantCulture, "Read {0} entries from the user catalog '{1}'.", result.Entries.Count, fullPath)).ConfigureAwait(false);
        _catalog = _catalog.With(result.Entries);
    }

    /// <summary>Every entry of the catalog (-ListAvailable).</summary>
    public async Task ListAsync(CancellationToken cancellationToken)
    {
        foreach (var entry in _catalog.Entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await _host.WriteOutputAsync(new AadstsErrorInfo(entry)).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// One -Code value as text (a code, AADSTS code or error text); null when the input carried no code, then
    /// <paramref name="typeName"/> names it in the error and <paramref name="input"/> is its target.
    /// </summary>
    /// <param name="value">The code or text to resolve.</param>
    /// <param name="input">The piped object, the target of any error.</param>
    /// <param name="typeName">The input's type, named in the error when it carries no code.</param>
    /// <param name="signIn">The correlation id and time of the sign-in the code came from, when one was piped.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    public async Task ResolveCodeAsync(string? value, object? input, string typeName, AadstsMessageFacts? signIn, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            await _host.WriteErrorAsync(
                new EntraStrongAuthException(ErrorIds.InvalidAadstsCode, FailureKind.InvalidArgument, "The input (" + typeName + ") is not an AADSTS code and has no ErrorCode, Status.ErrorCode or ResultType property.", "Pass a code such as 50074, error text, or objects that carry an ErrorCode."),
                input).ConfigureAwait(false);
            return;
        }

        if (AadstsCode.TryParse(value, out var code))
        {
            if (code == 0)
            {
                // Sign-in logs use 0 for success: piping a whole log in must not raise an error per success.
                await _host.WriteVerboseAsync("Error code 0 means the sign-in succeeded; nothing to resolve.").ConfigureAwait(false);
                return;
            }

            await WriteResolvedAsync(code, null, signIn).ConfigureAwait(false);
            return;
        }

        // Not a bare code: accept error text too, so `$Error[0] | Resolve-AadstsError` works.
        if (!string.IsNullOrWhiteSpace(value) && AadstsMessageScanner.Scan(value).Codes.Count > 0)
        {
            await ResolveMessageAsync(value, cancellationToken).ConfigureAwait(false);
            return;
        }

        await _host.WriteErrorAsync(
            new EntraStrongAuthException(ErrorIds.InvalidAadstsCode, FailureKind.InvalidArgument, "'" + value + "' is not an AADSTS code.", "Pass a number such as 50074 or AADSTS50074, or use -Message with error text that contains AADSTS codes."),
            value).ConfigureAwait(false);
    }

    /// <summary>Error text (-Message): every AADSTS code in it, with the ids and time the text carries.</summary>
    public async Task ResolveMessageAsync(string? text, CancellationToken cancellationToken)
    {
        var facts = AadstsMessageScanner.Scan(text ?? string.Empty);
        if (facts.Codes.Count == 0)
        {
            await _host.WriteErrorAsync(
                new EntraStrongAuthException(ErrorIds.NoAadstsCodeInMessage, FailureKind.InvalidArgument, "The message contains no AADSTS code: '" + Shorten(text) + "'.", "Pass the full error text, which names a code such as AADSTS50076."),
                text).ConfigureAwait(false);
            return;
        }

        foreach (var code in facts.Codes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await WriteResolvedAsync(code, text, facts.ForCode(code)).ConfigureAwait(false);
        }
    }

    private async Task WriteResolvedAsync(int code, string? message, AadstsMessageFacts? facts)
    {
        if (!_catalog.TryGet(code, out var entry))
        {
            var link = AadstsErrorInfo.BuildLookupUri(code).ToString();
            await _host.WriteErrorAsync(
                new EntraStrongAuthException(ErrorIds.UnknownAadstsCode, FailureKind.ObjectNotFound, string.Format(CultureInfo.InvariantCulture, "AADSTS{0} is not in the EntraStrongAuth catalog. Look it up at {1}", code, link), "Open " + link + ", or add the code to a user catalog (-CatalogPath)."),
                code).ConfigureAwait(false);
            return;
        }

        await _host.WriteOutputAsync(new AadstsErrorInfo(entry)
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
