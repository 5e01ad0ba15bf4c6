using System.Linq;
using EntraStrongAuth.Core.Strength;
using Xunit;

namespace EntraStrongAuth.Tests.Strength;

/// <summary>
/// Every built-in strength against every persona, with every Authentication method enabled for the user. Columns:
/// strength (2 MFA, 3 passwordless, 4 phishing-resistant), persona, outcome, satisfiable combinations, the method to
/// add (label) and the combination it completes, the reasons of methods that don't count, and the limitations.
/// </summary>
public class BuiltInStrengthTests
{
    private const string Authenticator = "Microsoft Authenticator (push notifications)";
    private const string Passkey = "Passkey in Microsoft Authenticator";
    private const string PushCombo = "password,microsoftAuthenticatorPush";

    [Theory]
    // Multifactor authentication
    [InlineData(2, "nothing", StrengthOutcome.NeedsRegistration, "", Authenticator, PushCombo, "", "")]
    [InlineData(2, "password", StrengthOutcome.NeedsRegistration, "", Authenticator, PushCombo, "NeedsAnotherMethod", "")]
    [InlineData(2, "push", StrengthOutcome.Satisfiable, PushCombo, "", null, "", "")]
    [InlineData(2, "sms", StrengthOutcome.Satisfiable, "password,sms|password,voice", "", null, "", "")]
    [InlineData(2, "fido2", StrengthOutcome.Satisfiable, "fido2", "", null, "", "")]
    [InlineData(2, "whfb", StrengthOutcome.Satisfiable, "windowsHelloForBusiness", "", null, "", "OnlyOnRegisteredDevice")]
    [InlineData(2, "email", StrengthOutcome.NeedsRegistration, "", Authenticator, PushCombo, "NotMfaCapable", "")]
    [InlineData(2, "tap", StrengthOutcome.Satisfiable, "temporaryAccessPassOneTime", "", null, "", "")]
    [InlineData(2, "tapMulti", StrengthOutcome.Satisfiable, "temporaryAccessPassMultiUse", "", null, "", "")]
    [InlineData(2, "certSingle", StrengthOutcome.Satisfiable, "password,x509CertificateSingleFactor", "", null, "", "")]
    [InlineData(2, "certMulti", StrengthOutcome.Satisfiable, "x509CertificateMultiFactor|password,x509CertificateMultiFactor", "", null, "", "")]
    [InlineData(2, "softwareOath", StrengthOutcome.Satisfiable, "password,softwareOath", "", null, "", "")]
    [InlineData(2, "hardwareOath", StrengthOutcome.Satisfiable, "password,hardwareOath", "", null, "", "")]
    // Passwordless MFA
    [InlineData(3, "nothing", StrengthOutcome.NeedsRegistration, "", Passkey, "fido2", "", "")]
    [InlineData(3, "password", StrengthOutcome.NeedsRegistration, "", Passkey, "fido2", "NotAllowedByStrength", "")]
    [InlineData(3, "push", StrengthOutcome.NeedsRegistration, "", Passkey, "fido2", "NotAllowedByStrength", "")]
    [InlineData(3, "sms", StrengthOutcome.NeedsRegistration, "", Passkey, "fido2", "NotAllowedByStrength", "")]
    [InlineData(3, "fido2", StrengthOutcome.Satisfiable, "fido2", "", null, "", "")]
    [InlineData(3, "whfb", StrengthOutcome.Satisfiable, "windowsHelloForBusiness", "", null, "", "OnlyOnRegisteredDevice")]
    [InlineData(3, "email", StrengthOutcome.NeedsRegistration, "", Passkey, "fido2", "NotMfaCapable", "")]
    [InlineData(3, "tap", StrengthOutcome.NeedsRegistration, "", Passkey, "fido2", "NotAllowedByStrength", "")]
    [InlineData(3, "tapMulti", StrengthOutcome.NeedsRegistration, "", Passkey, "fido2", "NotAllowedByStrength", "")]
    [InlineData(3, "certSingle", StrengthOutcome.NeedsRegistration, "", Passkey, "fido2", "NotAllowedByStrength", "")]
    [InlineData(3, "certMulti", StrengthOutcome.Satisfiable, "x509CertificateMultiFactor", "", null, "", "")]
    [InlineData(3, "softwareOath", StrengthOutcome.NeedsRegistration, "", Passkey, "fido2", "NotAllowedByStrength", "")]
    [InlineData(3, "hardwareOath", StrengthOutcome.NeedsRegistration, "", Passkey, "fido2", "NotAllowedByStrength", "")]
    // Phishing-resistant MFA
    [InlineData(4, "nothing", StrengthOutcome.NeedsRegistration, "", Passkey, "fido2", "", "")]
    [InlineData(4, "password", StrengthOutcome.NeedsRegistration, "", Passkey, "fido2", "NotAllowedByStrength", "")]
    [InlineData(4, "push", StrengthOutcome.NeedsRegistration, "", Passkey, "fido2", "NotAllowedByStrength", "")]
    [InlineData(4, "sms", StrengthOutcome.NeedsRegistration, "", Passkey, "fido2", "NotAllowedByStrength", "")]
    [InlineData(4, "fido2", StrengthOutcome.Satisfiable, "fido2", "", null, "", "")]
    [InlineData(4, "whfb", StrengthOutcome.Satisfiable, "windowsHelloForBusiness", "", null, "", "OnlyOnRegisteredDevice")]
    [InlineData(4, "email", StrengthOutcome.NeedsRegistration, "", Passkey, "fido2", "NotMfaCapable", "")]
    [InlineData(4, "tap", StrengthOutcome.NeedsRegistration, "", Passkey, "fido2", "NotAllowedByStrength", "")]
    [InlineData(4, "tapMulti", StrengthOutcome.NeedsRegistration, "", Passkey, "fido2", "NotAllowedByStrength", "")]
    [InlineData(4, "certSingle", StrengthOutcome.NeedsRegistration, "", Passkey, "fido2", "NotAllowedByStrength", "")]
    [InlineData(4, "certMulti", StrengthOutcome.Satisfiable, "x509CertificateMultiFactor", "", null, "", "")]
    [InlineData(4, "softwareOath", StrengthOutcome.NeedsRegistration, "", Passkey, "fido2", "NotAllowedByStrength", "")]
    [InlineData(4, "hardwareOath", StrengthOutcome.NeedsRegistration, "", Passkey, "fido2", "NotAllowedByStrength", "")]
    public void Built_in_strength_against_persona(
        int strength, string persona, StrengthOutcome outcome, string satisfiable, string toAdd, string? completes, string notCounted, string limitations)
    {
        var result = StrengthEvaluator.Evaluate(BuiltIn(strength), StrengthPersonas.Named(persona), StrengthPersonas.AllEnabled);

        Assert.Equal(outcome, result.OutcomeKind);
        Assert.Equal(satisfiable, string.Join("|", result.SatisfiableCombinations.Select(c => c.Combination)));
        Assert.Equal(toAdd, string.Join("|", result.MethodsToAdd.Select(s => s.Label)));
        Assert.Equal(completes, result.CombinationToComplete);
        Assert.Equal(notCounted, string.Join("|", result.MethodsNotCounted.Select(f => f.Reason)));
        Assert.Equal(limitations, string.Join("|", result.Limitations.Select(f => f.Reason)));
        Assert.True(result.PolicyKnown);
        Assert.Null(result.ImpossibleReason);
    }

    [Fact]
    public void Satisfied_combination_names_the_methods_that_complete_it()
    {
        var result = StrengthEvaluator.Evaluate(BuiltIn(2), new[] { StrengthPersonas.Push }, StrengthPersonas.AllEnabled);

        var combination = Assert.Single(result.SatisfiableCombinations);
        Assert.Equal(new[] { "passwordAuthenticationMethod", "microsoftAuthenticatorAuthenticationMethod" }, combination.Methods.Select(m => m.Kind));
        Assert.True(combination.Methods[0].IsAssumed);
        Assert.Contains(result.Uncertainties, u => u.Contains("password was assumed", System.StringComparison.Ordinal));
    }

    [Fact]
    public void A_listed_password_is_not_an_assumption()
    {
        var result = StrengthEvaluator.Evaluate(BuiltIn(2), new[] { StrengthPersonas.Password, StrengthPersonas.Push }, StrengthPersonas.AllEnabled);

        Assert.False(result.SatisfiableCombinations[0].Methods[0].IsAssumed);
        Assert.DoesNotContain(result.Uncertainties, u => u.Contains("password", System.StringComparison.Ordinal));
    }

    internal static AuthenticationStrength BuiltIn(int last) =>
        StrengthData.BuiltIn.FindStrength("00000000-0000-0000-0000-00000000000" + last.ToString(System.Globalization.CultureInfo.InvariantCulture))!;
}
