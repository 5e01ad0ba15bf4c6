using System;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Tests.Application;

/// <summary>The one place these tests build a StrongAuthFailure, so a change to how failures are made touches one file.</summary>
internal static class TestFailures
{
    public static StrongAuthFailure Of(SignInEvent signIn, FailureCause cause, string? authenticationStrength = null) =>
        new(new FailureClassification(signIn, null, cause, Confidence.High, Array.Empty<Evidence>(), Array.Empty<string>()) { AuthenticationStrength = authenticationStrength }, FailureOutcome.Unresolved);
}
