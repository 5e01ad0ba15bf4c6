using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Aadsts;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Engine.Application.Aadsts;
using Xunit;

namespace EntraStrongAuth.Tests.Application;

public class AadstsResolutionTests
{
    [Fact]
    public async Task Codes_and_error_text_resolve_and_success_is_only_a_verbose_line()
    {
        var host = new RecordingRunHost();
        var resolution = new AadstsResolution(host);

        await resolution.ResolveCodeAsync("AADSTS50076", null, "String", null, CancellationToken.None);
        await resolution.ResolveCodeAsync("0", null, "Int32", null, CancellationToken.None);
        await resolution.ResolveCodeAsync("Sign-in failed: AADSTS50079: enrollment required. Trace ID: abc", null, "String", null, CancellationToken.None);

        Assert.Equal(2, host.Output.Count);
        Assert.Equal(50076, Assert.IsType<AadstsErrorInfo>(host.Output[0]).Code);
        var fromText = Assert.IsType<AadstsErrorInfo>(host.Output[1]);
        Assert.Equal(50079, fromText.Code);
        Assert.StartsWith("Sign-in failed", fromText.Message, StringComparison.Ordinal);
        Assert.Equal("Error code 0 means the sign-in succeeded; nothing to resolve.", Assert.Single(host.Verbose));
        Assert.Empty(host.Errors);
    }

    [Fact]
    public async Task Inputs_without_a_known_code_are_errors_with_their_ids_and_targets()
    {
        var host = new RecordingRunHost();
        var resolution = new AadstsResolution(host);
        var input = new object();

        await resolution.ResolveCodeAsync(null, input, "Object", null, CancellationToken.None);
        await resolution.ResolveCodeAsync("not a code", null, "String", null, CancellationToken.None);
        await resolution.ResolveMessageAsync("no code here", CancellationToken.None);
        await resolution.ResolveCodeAsync("AADSTS99999999", null, "String", null, CancellationToken.None);

        Assert.Empty(host.Output);
        Assert.Equal(new[] { "InvalidAadstsCode", "InvalidAadstsCode", "NoAadstsCodeInMessage", "UnknownAadstsCode" }, host.ErrorIds);
        Assert.Same(input, host.Errors[0].Target);
        Assert.Contains("(Object)", host.Errors[0].Failure.Message, StringComparison.Ordinal);
        Assert.Equal("not a code", host.Errors[1].Target);
        Assert.Equal(FailureKind.ObjectNotFound, host.Errors[3].Failure.Kind);
        Assert.Equal(99999999, host.Errors[3].Target);
    }

    [Fact]
    public async Task A_missing_user_catalog_ends_the_command()
    {
        var resolution = new AadstsResolution(new RecordingRunHost());

        var error = await Assert.ThrowsAsync<EntraStrongAuthException>(() => resolution.AddUserCatalogAsync(Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".json")));

        Assert.Equal("AadstsCatalogFileNotFound", error.ErrorId);
    }

    [Fact]
    public async Task Listing_writes_every_catalog_entry()
    {
        var host = new RecordingRunHost();

        await new AadstsResolution(host).ListAsync(CancellationToken.None);

        Assert.Equal(AadstsCatalog.BuiltIn.Entries.Count, host.Output.Count);
    }
}
