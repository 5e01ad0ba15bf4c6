using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using EntraStrongAuth.Cmdlets.Aadsts;
using EntraStrongAuth.Cmdlets.SignIns;
using EntraStrongAuth.Core.Aadsts;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.Diagnosis;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.Application.Diagnosis;

namespace EntraStrongAuth.Cmdlets.Diagnosis;

/// <summary>
/// What reaches Debug-StrongAuthFailure: pasted text, an ErrorRecord or exception from $Error, a Resolve-AadstsError
/// answer, a Get-StrongAuthFailure object (or an earlier diagnosis), or a failed sign-in (ours, Graph SDK,
/// ConvertFrom-Json). Each becomes requests or a failure for the service; anything else is a located error.
/// </summary>
internal static class DiagnosisInputReader
{
    /// <summary>Adds what <paramref name="input"/> names to <paramref name="diagnosis"/>; returns the errors for what it could not use.</summary>
    public static IReadOnlyList<EntraStrongAuthException> Add(object? input, FailureDiagnosis diagnosis)
    {
        var value = input is PSObject wrapped ? wrapped.BaseObject : input;
        switch (value)
        {
            case StrongAuthFailure failure:
                diagnosis.Add(failure);
                return None;
            case StrongAuthDiagnosis earlier:
                diagnosis.Add(earlier.Failure);
                return None;
            case SignInEvent signIn:
                return AddSignIn(signIn, diagnosis);
            case AadstsErrorInfo info:
                if (DiagnosisRequests.FromErrorInfo(info) is { } request)
                {
                    diagnosis.Add(request);
                    return None;
                }

                return new[] { Unreadable(info.ErrorCode + " carries no Trace ID or Correlation ID: Resolve-AadstsError was given the code alone.", "Pipe the whole error text, or use -UserPrincipalName with -At.") };
            case string or ErrorRecord or System.Exception:
                return AddMessage(AadstsInput.ToText(value) ?? string.Empty, diagnosis);
        }

        if (PSObjectSignInConverter.Convert(input as PSObject ?? PSObject.AsPSObject(value)) is { } converted)
        {
            return AddSignIn(converted, diagnosis);
        }

        return new[] { Unreadable("The input (" + PSObjectReader.TypeName(input) + ") names no failure.", "Pipe error text, $Error[0], Resolve-AadstsError output, Get-StrongAuthFailure output or failed sign-ins.") };
    }

    /// <summary>Pasted text: one request per error it names; an error for each code it names without ids or a time.</summary>
    public static IReadOnlyList<EntraStrongAuthException> AddMessage(string text, FailureDiagnosis diagnosis)
    {
        var requests = DiagnosisRequests.FromMessage(text);
        foreach (var request in requests)
        {
            diagnosis.Add(request);
        }

        var errors = DiagnosisRequests.CodesWithoutIds(text)
            .Select(code => Unreadable("AADSTS" + code + " is named without a Trace ID, Correlation ID or Timestamp, so its sign-in cannot be located.", "Paste the whole error (it ends with Trace ID, Correlation ID and Timestamp), or use -UserPrincipalName with -At."))
            .ToList();
        if (requests.Count == 0 && errors.Count == 0)
        {
            errors.Add(Unreadable("The text names no AADSTS error, Trace ID or Correlation ID: '" + Shorten(text) + "'.", "Paste the error as the user saw it, or use -CorrelationId, -RequestId or -UserPrincipalName with -At."));
        }

        return errors;
    }

    private static EntraStrongAuthException[] AddSignIn(SignInEvent signIn, FailureDiagnosis diagnosis)
    {
        if (signIn.IsSuccess)
        {
            return new[] { Unreadable("Sign-in " + signIn.Id + " succeeded: there is no failure to diagnose.", "Pipe failed sign-ins (Get-StrongAuthFailure output).") };
        }

        diagnosis.Add(signIn);
        return None;
    }

    private static EntraStrongAuthException Unreadable(string message, string action) =>
        new(ErrorIds.DiagnosisInputUnreadable, FailureKind.InvalidData, message, action);

    private static string Shorten(string text) => text.Length <= 80 ? text : text.Substring(0, 80) + "…";

    private static readonly EntraStrongAuthException[] None = System.Array.Empty<EntraStrongAuthException>();
}
