using System.Management.Automation;
using EntraStrongAuth.Cmdlets.SignIns;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.Headless;
using EntraStrongAuth.Core.Remediation;

namespace EntraStrongAuth.Cmdlets.Remediation;

/// <summary>
/// Turns what was piped to Test-StrongAuthRemediation into a subject, by property name (UserPrincipalName, UserId,
/// AppId, ServicePrincipalId) so Find-HeadlessUserSignIn findings, Get-StrongAuthFailure failures, CSV rows and
/// plain UPN strings all work.
/// </summary>
internal static class RemediationSubjectReader
{
    /// <returns>Null when the object names no user and no app.</returns>
    public static RemediationSubject? Read(PSObject? input, string? servicePrincipalId)
    {
        if (input?.BaseObject is string text)
        {
            return string.IsNullOrWhiteSpace(text) ? null : new RemediationSubject(text, null, null, servicePrincipalId);
        }

        var reader = new PSObjectReader(input);
        var upn = reader.String("UserPrincipalName");
        var userId = reader.String("UserId");
        var appId = reader.String("AppId");
        bool? automation = null;
        switch (input?.BaseObject)
        {
            // A failure's app is only where it failed; unless the classifier called the account a script, the
            // before-window decides whether the user is a person or automation.
            case StrongAuthFailure failure when failure.CauseKind != FailureCause.HeadlessUserAccount:
                appId = null;
                break;
            case StrongAuthFailure:
            case HeadlessFinding:
                automation = true;
                break;
        }

        if (upn is null && userId is null && appId is null)
        {
            return null;
        }

        return new RemediationSubject(upn, userId, appId, reader.String("ServicePrincipalId") ?? servicePrincipalId) { IsAutomation = automation };
    }
}
