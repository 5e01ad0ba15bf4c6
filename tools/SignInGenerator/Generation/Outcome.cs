namespace EntraStrongAuth.SignInGenerator.Generation;

/// <summary>
/// Finishes a sign-in as a success or a failure: status, steps, methods used and the CA evaluation, in one place so
/// that every persona's events carry the same consistent set of fields.
/// </summary>
internal static class Outcome
{
    public static void Success(DayContext day, SignIn signIn, MfaProof proof, params AuthStep[] steps)
    {
        signIn.ErrorCode = 0;
        signIn.FailureReason = FailureReasons.Success;
        AddSteps(signIn, steps);
        // Graph names how MFA was met: a fresh prompt or a claim carried in the token.
        var mfaStep = steps.FirstOrDefault(s => s.StepRequirement == AuthSteps.Mfa && s.Succeeded);
        signIn.AdditionalDetails ??= mfaStep is null ? null
            : mfaStep.Method == "Previously satisfied" ? AuthSteps.ClaimInToken : AuthSteps.MfaCompleted;
        ConditionalAccess.Evaluate(day.Tenant, signIn, proof);
        if (signIn.ConditionalAccessStatus == "failure")
        {
            // A persona bug, not data: a success that an enforced policy failed would teach the classifier nonsense.
            throw new InvalidOperationException($"{signIn.PersonaName}: success {signIn.Id} fails an enforced CA policy.");
        }
    }

    public static void Failure(DayContext day, SignIn signIn, int code, FailureCause cause, MfaProof proof, params AuthStep[] steps)
    {
        signIn.ErrorCode = code;
        signIn.FailureReason = FailureReasons.For(code, signIn.Resource.Id);
        signIn.TrueCause = cause;
        AddSteps(signIn, steps);
        // The failed MFA step's text is what Entra repeats in additionalDetails (e.g. "MFA required in Azure AD").
        signIn.AdditionalDetails ??= steps.LastOrDefault(s => !s.Succeeded)?.ResultDetail;
        ConditionalAccess.Evaluate(day.Tenant, signIn, proof);
    }

    /// <summary>Password accepted, MFA asked and not (yet) given: the interrupt or failure of every step-up story.</summary>
    public static void MfaPrompt(DayContext day, SignIn signIn, int code, FailureCause cause, AuthStep? primary = null)
    {
        var at = signIn.CreatedDateTime;
        Failure(day, signIn, code, cause, MfaProof.None, primary ?? AuthSteps.Password(at), AuthSteps.MfaPending(at));
    }

    /// <summary>The user answers the prompt: a success in the same correlation seconds later, which settles the interrupt.</summary>
    public static SignIn PromptAnswered(DayContext day, SignIn prompt, int minSeconds, int maxSeconds)
    {
        var success = day.FollowUp(prompt, day.Random.Between(minSeconds, maxSeconds));
        Success(day, success, MfaProof.Mfa, AuthSteps.Password(prompt.CreatedDateTime), AuthSteps.PushApproved(success.CreatedDateTime));
        Resolve(prompt, success);
        return success;
    }

    /// <summary>A failure decided before Conditional Access ran (e.g. the account is not in the tenant): no policies listed.</summary>
    public static void FailureBeforePolicies(SignIn signIn, int code, FailureCause cause)
    {
        signIn.ErrorCode = code;
        signIn.FailureReason = FailureReasons.For(code, signIn.Resource.Id);
        signIn.TrueCause = cause;
    }

    /// <summary>Marks an interrupt as settled by the success that followed it in the same correlation.</summary>
    public static void Resolve(SignIn interrupt, SignIn success) => interrupt.ResolvedBy = success.Id;

    private static void AddSteps(SignIn signIn, AuthStep[] steps)
    {
        signIn.AuthenticationDetails.AddRange(steps);
        foreach (var step in steps)
        {
            if (step.Succeeded && step.Method is { } method && method != "Previously satisfied" && !signIn.AuthenticationMethodsUsed.Contains(method))
            {
                signIn.AuthenticationMethodsUsed.Add(method);
            }
        }
    }
}
