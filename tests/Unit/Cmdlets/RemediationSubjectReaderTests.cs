using System;
using System.Management.Automation;
using EntraStrongAuth.Cmdlets.Remediation;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.Headless;
using EntraStrongAuth.Core.SignIns;
using Xunit;

namespace EntraStrongAuth.Tests.Cmdlets;

public sealed class RemediationSubjectReaderTests
{
    private const string App = "1950a258-227b-4e31-a9cf-717495945fc2";

    [Fact]
    public void AHeadlessFindingIsAutomationWithItsApp()
    {
        var finding = new HeadlessFinding("svc@contoso.com", 90, Array.Empty<HeadlessEvidence>(), new WorkloadIdentityRecommendation(WorkloadIdentityKind.ManagedIdentity, "runs in Azure", Array.Empty<string>()))
        {
            UserPrincipalName = "svc@contoso.com",
            UserId = "u1",
            AppId = App,
        };

        var subject = RemediationSubjectReader.Read(PSObject.AsPSObject(finding), "sp1")!;

        Assert.Equal(("svc@contoso.com", "u1", App, "sp1", true), (subject.UserPrincipalName, subject.UserId, subject.AppId, subject.ServicePrincipalId, subject.IsAutomation));
    }

    [Theory]
    [InlineData(FailureCause.PolicyStepUp, null, null)]
    [InlineData(FailureCause.HeadlessUserAccount, App, true)]
    public void AFailureKeepsItsAppOnlyWhenItWasAScript(FailureCause cause, string? app, bool? automation)
    {
        var signIn = new SignInEvent { UserPrincipalName = "adele@contoso.com", AppId = App, ErrorCode = 50076 };
        var failure = new StrongAuthFailure(new FailureClassification(signIn, null, cause, Confidence.High, Array.Empty<Evidence>(), Array.Empty<string>()), FailureOutcome.Unresolved);

        var subject = RemediationSubjectReader.Read(PSObject.AsPSObject(failure), null)!;

        Assert.Equal(("adele@contoso.com", app, automation), (subject.UserPrincipalName, subject.AppId, subject.IsAutomation));
    }

    [Fact]
    public void PropertiesAreReadByNameAndTheirOwnServicePrincipalWins()
    {
        var row = new PSObject();
        row.Properties.Add(new PSNoteProperty("userPrincipalName", "ops@contoso.com"));
        row.Properties.Add(new PSNoteProperty("ServicePrincipalId", "own"));

        var subject = RemediationSubjectReader.Read(row, "default")!;

        Assert.Equal(("ops@contoso.com", "own", (bool?)null), (subject.UserPrincipalName, subject.ServicePrincipalId, subject.IsAutomation));
        Assert.Null(RemediationSubjectReader.Read(PSObject.AsPSObject(new { Name = "x" }), null));
        Assert.Null(RemediationSubjectReader.Read(PSObject.AsPSObject(" "), null));
    }
}
