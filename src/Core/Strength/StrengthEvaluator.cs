using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace EntraStrongAuth.Core.Strength;

/// <summary>
/// Decides whether a user can satisfy an authentication strength: registered methods are mapped to the modes they
/// provide (method-modes.json), kept only where the Authentication methods policy enables them for the user, and
/// matched against each allowed combination (with its combination configurations). A pure function of its inputs.
/// </summary>
public static class StrengthEvaluator
{
    public static StrengthEvaluation Evaluate(AuthenticationStrength strength, IEnumerable<RegisteredMethod> registeredMethods, UserMethodsPolicy methodsPolicyForUser) =>
        Evaluate(strength, registeredMethods, methodsPolicyForUser, StrengthUser.Member, StrengthData.BuiltIn);

    public static StrengthEvaluation Evaluate(
        AuthenticationStrength strength,
        IEnumerable<RegisteredMethod> registeredMethods,
        UserMethodsPolicy methodsPolicyForUser,
        StrengthUser user,
        StrengthData data)
    {
        if (strength is null)
        {
            throw new ArgumentNullException(nameof(strength));
        }

        if (registeredMethods is null)
        {
            throw new ArgumentNullException(nameof(registeredMethods));
        }

        var policy = methodsPolicyForUser ?? throw new ArgumentNullException(nameof(methodsPolicyForUser));
        user ??= StrengthUser.Member;
        data ??= StrengthData.BuiltIn;

        var uncertainties = new List<string>();
        var methods = WithAssumedPassword(registeredMethods.ToList(), user, uncertainties);
        if (!policy.IsKnown)
        {
            uncertainties.Add("The Authentication methods policy was not available: every registered method was treated as enabled for the user.");
        }

        var combinations = strength.AllowedCombinations.Select(c => StrengthSlot.Of(strength, c)).ToList();
        if (policy.IsKnown && policy.SmsSignInAllowed is null && combinations.Any(c => c.Count == 1 && c[0].Mode == "sms"))
        {
            uncertainties.Add("Whether SMS sign-in is allowed for the user was not given; it was assumed allowed.");
        }

        if (combinations.Any(c => c.Any(s => s.Mode == "deviceBasedPush"))
            && methods.Any(m => m.Kind == "microsoftAuthenticatorAuthenticationMethod")
            && !methods.Any(m => EntryOf(m, policy, data)?.Provides.Any(g => g.Mode == "deviceBasedPush") == true))
        {
            // users/{id}/authentication/methods does not say whether phone sign-in is on in the app; the report does.
            uncertainties.Add("Whether phone sign-in (deviceBasedPush) is enabled in the user's Microsoft Authenticator is not in Graph's methods list; it was not counted. The registration report lists it as microsoftAuthenticatorPasswordless.");
        }

        if (policy.IsKnown && policy.Fido2KeyRestrictions is { IsEnforced: true }
            && methods.Any(m => m.Aaguid is null && EntryOf(m, policy, data)?.Provides.Any(g => g.Mode == "fido2") == true))
        {
            // Microsoft's own isMfaCapable already applies the restrictions; blocking on a missing AAGUID would contradict it.
            uncertainties.Add("The FIDO2 key restrictions allow only some key models, and the model (AAGUID) of a registered key is not known (the registration report does not give it): the key was assumed allowed by them. Read the methods live (-Live) to check.");
        }

        var findings = new Dictionary<RegisteredMethod, MethodFinding>();
        var denials = new Dictionary<RegisteredMethod, List<Denial>>();
        var capabilities = Capabilities(methods, policy, user, data, enforcePolicy: true, findings, denials, uncertainties);

        var satisfied = new List<SatisfiedCombination>();
        foreach (var slots in combinations)
        {
            var filled = Fill(slots, capabilities);
            if (filled.All(c => c is not null))
            {
                satisfied.Add(new SatisfiedCombination(slots[0].Combination, filled.Select(c => c!.Method)));
            }
        }

        var used = new HashSet<RegisteredMethod>(satisfied.SelectMany(s => s.Methods));
        if (used.Any(m => m.IsAssumed && m.Kind == "passwordAuthenticationMethod") && user.HasPassword is null)
        {
            uncertainties.Add("The user's password was assumed (members have one; the registration report never lists it).");
        }

        var limitations = methods
            .Where(m => used.Contains(m) && EntryOf(m, policy, data) is { Limitation: not null })
            .Select(m => Limitation(m, EntryOf(m, policy, data)!))
            .ToList();
        var notCounted = methods
            .Where(m => !m.IsAssumed && !used.Contains(m))
            .Select(m => findings.TryGetValue(m, out var f) ? f : Explain(m, combinations, capabilities, denials))
            .ToList();

        StrengthOutcome outcome;
        AdditionPlan? plan = null;
        AdditionPlan? policyPlan = null;
        if (satisfied.Count > 0)
        {
            outcome = StrengthOutcome.Satisfiable;
        }
        else
        {
            plan = AdditionPlan.Search(combinations, capabilities, data, policy, user, enforcePolicy: true);
            if (plan is null)
            {
                var unrestricted = Capabilities(methods, policy, user, data, enforcePolicy: false, new(), new(), new());
                policyPlan = AdditionPlan.Search(combinations, unrestricted, data, policy, user, enforcePolicy: false);
            }

            outcome = plan is null ? StrengthOutcome.Impossible : StrengthOutcome.NeedsRegistration;
        }

        return new StrengthEvaluation(strength, outcome)
        {
            SatisfiableCombinations = satisfied,
            MethodsNotCounted = notCounted,
            Limitations = limitations,
            MethodsToAdd = plan?.Suggestions ?? Array.Empty<MethodSuggestion>(),
            CombinationToComplete = plan?.Combination ?? policyPlan?.Combination,
            MethodsToAddIfPolicyChanged = policyPlan?.Suggestions ?? Array.Empty<MethodSuggestion>(),
            PolicyChangesNeeded = policyPlan?.PolicyChanges ?? Array.Empty<string>(),
            ImpossibleReason = outcome == StrengthOutcome.Impossible ? ImpossibleReason(strength, policyPlan, combinations) : null,
            PolicyKnown = policy.IsKnown,
            Uncertainties = uncertainties.Distinct().ToList(),
        };
    }

    /// <summary>The method-modes key of a method: its kind, with the variant a property decides.</summary>
    internal static string KeyOf(RegisteredMethod method, UserMethodsPolicy policy)
    {
        var variant = method.Kind switch
        {
            "phoneAuthenticationMethod" => method.PhoneType,
            "temporaryAccessPassAuthenticationMethod" => method.IsUsableOnce switch
            {
                true => "oneTime",
                false => "multiUse",
                null => null,
            },
            "x509CertificateAuthenticationMethod" => CertificateBinding(method, policy),
            _ => null,
        };
        return variant is null ? method.Kind : method.Kind + "/" + variant;
    }

    /// <summary>The method-modes row of a method: by kind and variant, else by kind alone (a variant the table does not list).</summary>
    internal static MethodModeEntry? EntryOf(RegisteredMethod method, UserMethodsPolicy policy, StrengthData data) =>
        data.FindMethod(KeyOf(method, policy)) ?? data.FindMethod(method.Kind);

    private static string CertificateBinding(RegisteredMethod method, UserMethodsPolicy policy)
    {
        var binding = method.CertificateBinding
            ?? policy.X509BindingRules.FirstOrDefault(r => r.Matches(method))?.Binding
            ?? policy.X509DefaultBinding;
        return binding.EndsWith("MultiFactor", StringComparison.OrdinalIgnoreCase) ? "multiFactor" : "singleFactor";
    }

    private static List<RegisteredMethod> WithAssumedPassword(List<RegisteredMethod> methods, StrengthUser user, List<string> uncertainties)
    {
        var listed = methods.Any(m => m.Kind is "passwordAuthenticationMethod" or "password");
        var hasPassword = user.HasPassword ?? true;
        if (!listed && hasPassword)
        {
            methods.Add(new RegisteredMethod("passwordAuthenticationMethod") { IsAssumed = true, DisplayName = "password" });
        }

        if (listed && user.HasPassword == false)
        {
            methods.RemoveAll(m => m.Kind is "passwordAuthenticationMethod" or "password");
        }

        if (user.IsGuest && user.HasPassword is null)
        {
            uncertainties.Add("A guest's first factor happens at their home organization; it was counted as the password step. MFA done at home counts only when cross-tenant access settings trust it, which was not evaluated.");
        }

        foreach (var mode in user.FederatedModes)
        {
            methods.Add(new RegisteredMethod(mode) { IsAssumed = true, DisplayName = "federated identity provider" });
        }

        return methods;
    }

    private static List<Capability> Capabilities(
        List<RegisteredMethod> methods,
        UserMethodsPolicy policy,
        StrengthUser user,
        StrengthData data,
        bool enforcePolicy,
        Dictionary<RegisteredMethod, MethodFinding> findings,
        Dictionary<RegisteredMethod, List<Denial>> denials,
        List<string> uncertainties)
    {
        var capabilities = new List<Capability>();
        foreach (var method in methods)
        {
            if (method.IsAssumed && method.Kind.StartsWith("federated", StringComparison.OrdinalIgnoreCase))
            {
                // Federation is a property of the user's domain, not a registration or a policy setting.
                capabilities.Add(new Capability(method, null, null, method.Kind, new[] { MethodRole.Primary }));
                continue;
            }

            var entry = EntryOf(method, policy, data);
            if (entry is null)
            {
                findings[method] = new MethodFinding(method, MethodReason.UnknownMethodKind, "'" + method.Kind + "' is not in the method-modes table, so it was not counted.");
                uncertainties.Add("Unknown method kind '" + method.Kind + "' was not counted.");
                continue;
            }

            if (entry.Ambiguity is not null)
            {
                uncertainties.Add(entry.Ambiguity);
            }

            if (method.IsUsable == false)
            {
                findings[method] = new MethodFinding(method, MethodReason.NotUsable, "The " + entry.Label + " is no longer usable (expired or used).");
                continue;
            }

            if (entry.Provides.Count == 0)
            {
                findings[method] = new MethodFinding(method, MethodReason.NoAuthenticationMode, entry.Label + " is no authentication method mode. " + entry.Note);
                continue;
            }

            foreach (var grant in entry.Provides)
            {
                var denial = Deny(method, entry, grant, policy, user, enforcePolicy);
                if (denial is null)
                {
                    capabilities.Add(new Capability(method, entry, grant, grant.Mode, grant.Roles));
                }
                else
                {
                    if (!denials.TryGetValue(method, out var list))
                    {
                        denials[method] = list = new List<Denial>();
                    }

                    list.Add(denial);
                }
            }
        }

        return capabilities;
    }

    private static Denial? Deny(RegisteredMethod method, MethodModeEntry entry, ModeGrant grant, UserMethodsPolicy policy, StrengthUser user, bool enforcePolicy)
    {
        if (grant.GuestsOnly && !user.IsGuest)
        {
            return new Denial(grant, MethodReason.NotMfaCapable, entry.Label + " is not a sign-in or MFA method for members (self-service password reset only).");
        }

        if (enforcePolicy && !grant.EnabledBy(policy))
        {
            return new Denial(grant, MethodReason.DisabledByPolicy, Format("The Authentication methods policy does not enable {0} for this user, so the {1} cannot be used as {2}.", string.Join(" or ", grant.Policy), entry.Label, grant.Mode));
        }

        // A key of unknown model (the registration report gives none) is not blocked: Evaluate states the assumption.
        if (enforcePolicy && grant.Mode == "fido2" && method.Aaguid is not null && !policy.AllowsAaguid(method.Aaguid))
        {
            return new Denial(grant, MethodReason.BlockedByKeyRestrictions, Format("The FIDO2 policy's key restrictions do not allow this key model (AAGUID {0}).", method.Aaguid ?? "unknown"));
        }

        if (grant.Mode == "sms" && grant.Roles.Contains(MethodRole.Primary) && method.SmsSignInState is not null
            && !string.Equals(method.SmsSignInState, "ready", StringComparison.OrdinalIgnoreCase))
        {
            return new Denial(grant, MethodReason.SmsSignInNotReady, Format("The number is not ready for SMS sign-in (smsSignInState {0}); it can still be a second factor.", method.SmsSignInState));
        }

        return null;
    }

    /// <summary>The first capability for each slot, no method used twice; a null entry is an unfilled slot.</summary>
    internal static Capability?[] Fill(IReadOnlyList<StrengthSlot> slots, IReadOnlyList<Capability> capabilities)
    {
        var filled = new Capability?[slots.Count];
        var taken = new HashSet<RegisteredMethod>();
        for (var i = 0; i < slots.Count; i++)
        {
            var slot = slots[i];
            var match = capabilities.FirstOrDefault(c => slot.Takes(c) && slot.Allows(c.Method) && !taken.Contains(c.Method));
            if (match is not null)
            {
                filled[i] = match;
                taken.Add(match.Method);
            }
        }

        return filled;
    }

    private static MethodFinding Limitation(RegisteredMethod method, MethodModeEntry entry) =>
        entry.Limitation == nameof(MethodReason.OnlyOnRegisteredDevice)
            ? new MethodFinding(method, MethodReason.OnlyOnRegisteredDevice, Format("Counts only when it is the primary sign-in on the device it was set up on ({0}); after a password sign-in the user must restart and pick 'Sign-in options'.", method.DisplayName ?? "device not named"))
            : new MethodFinding(method, Enum.TryParse<MethodReason>(entry.Limitation, out var reason) ? reason : MethodReason.NotAllowedByStrength, entry.Note ?? entry.Label);

    private static MethodFinding Explain(
        RegisteredMethod method,
        List<IReadOnlyList<StrengthSlot>> combinations,
        List<Capability> capabilities,
        Dictionary<RegisteredMethod, List<Denial>> denials)
    {
        var own = capabilities.Where(c => c.Method == method).ToList();
        var slots = combinations.SelectMany(c => c).Where(s => own.Any(s.Takes)).ToList();
        if (slots.Count > 0)
        {
            var restricted = slots.FirstOrDefault(s => !s.Allows(method));
            if (restricted is not null && slots.All(s => !s.Allows(method)))
            {
                return new MethodFinding(method, MethodReason.RestrictedByCombinationConfiguration, Format("The strength restricts '{0}' to {1}; this method does not match.", restricted.Combination, string.Join("; ", restricted.Configurations)));
            }

            var combination = slots.First(s => s.Allows(method)).Combination;
            var others = StrengthCombination.Modes(combination).Where(m => !own.Any(c => string.Equals(c.Mode, m, StringComparison.OrdinalIgnoreCase)));
            return new MethodFinding(method, MethodReason.NeedsAnotherMethod, Format("It fits '{0}' only together with {1}, which the user does not have.", combination, string.Join(" and ", others)));
        }

        denials.TryGetValue(method, out var denied);
        denied ??= new List<Denial>();
        var relevant = denied.FirstOrDefault(d => combinations.SelectMany(c => c).Any(s => string.Equals(s.Mode, d.Grant.Mode, StringComparison.OrdinalIgnoreCase) && d.Grant.Roles.Contains(s.Role)));
        if (relevant is not null)
        {
            return new MethodFinding(method, relevant.Reason, relevant.Text);
        }

        if (own.Count == 0 && denied.Count > 0)
        {
            return new MethodFinding(method, denied[0].Reason, denied[0].Text);
        }

        var modes = own.Select(c => c.Mode).Concat(denied.Select(d => d.Grant.Mode)).Distinct(StringComparer.OrdinalIgnoreCase);
        return new MethodFinding(method, MethodReason.NotAllowedByStrength, Format("The strength allows none of its modes ({0}) in the role it can play.", string.Join(", ", modes)));
    }

    private static string ImpossibleReason(AuthenticationStrength strength, AdditionPlan? policyPlan, List<IReadOnlyList<StrengthSlot>> combinations)
    {
        if (policyPlan is not null)
        {
            var action = policyPlan.Suggestions.Count == 0
                ? "the user's registered methods would then satisfy it"
                : "the user could then register " + string.Join(" and ", policyPlan.Suggestions.Select(s => s.Label));
            return Format("The Authentication methods policy disables every method that could satisfy '{0}' for this user. Enabling {1} would make '{2}' possible: {3}.", strength.DisplayName, string.Join(", ", policyPlan.PolicyChanges), policyPlan.Combination, action);
        }

        var modes = combinations.SelectMany(c => c).Select(s => s.Mode).Distinct(StringComparer.OrdinalIgnoreCase);
        return Format("No method the user can register completes any combination of '{0}' (it needs {1}: federation, a password or administrator-issued credentials the user does not have).", strength.DisplayName, string.Join(", ", modes));
    }

    internal static string Format(string format, params object?[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
