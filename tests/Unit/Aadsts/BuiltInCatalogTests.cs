using System.Linq;
using EntraStrongAuth.Core.Aadsts;
using Xunit;

namespace EntraStrongAuth.Tests.Aadsts;

public class BuiltInCatalogTests
{
    // Every code in reference/mission-anchors.md §c must be explained.
    public static TheoryData<int> RequiredCodes() => new()
    {
        50072, 50074, 50076, 50078, 50079, 50097, 50155, 50158, 500121, 50125, 50126, 50055, 50057, 50058, 50131,
        50132, 50133, 50140, 50199, 50173, 70043, 70044, 700082, 53000, 53001, 53002, 53003, 53004, 53010, 530032,
        530035, 65001, 16000, 700016, 7000215, 7000222, 81010, 90072, 50196, 50087, 50088,
    };

    private static readonly string[] KnownCategories =
    {
        "EnrollmentRequired", "StepUpRequired", "StaleSessionClaim", "SignInFrequency", "DeviceStateRequired",
        "ExternalMfaNotSatisfied", "FederatedMfaMissing", "MfaAttemptFailed", "MfaServiceTransient", "CredentialError",
        "CredentialLifecycle", "AccountState", "SilentAuthNoSession", "PolicyBlock", "BenignInterrupt",
        "EnrollmentBlocked", "ConsentRequired", "WrongAccountOrTenant", "AppConfig", "WorkloadCredential",
        "SsoInfrastructure", "B2BMfaTrust", "HeadlessLoop",
    };

    [Theory]
    [MemberData(nameof(RequiredCodes))]
    public void Required_code_is_explained(int code)
    {
        Assert.True(AadstsCatalog.BuiltIn.TryGet(code, out var entry));
        Assert.False(string.IsNullOrWhiteSpace(entry.Name));
        Assert.True(entry.Meaning.Length > 20, "meaning should be a sentence");
        Assert.NotEmpty(entry.Remedy);
        Assert.Contains(entry.Category, KnownCategories);
        Assert.Equal(AadstsCatalog.BuiltInSource, entry.Source);
    }

    [Theory]
    [InlineData(50074, 50076, 50079)]
    [InlineData(50076, 50074, 50079)]
    [InlineData(50079, 50074, 50076)]
    public void Mfa_trilogy_points_at_each_other(int code, int first, int second)
    {
        AadstsCatalog.BuiltIn.TryGet(code, out var entry);

        Assert.Contains(first, entry.RelatedCodes);
        Assert.Contains(second, entry.RelatedCodes);
        Assert.True(entry.IsStrongAuth);
        Assert.Equal(InteractiveFix.Yes, entry.InteractiveFix);
    }

    [Fact]
    public void Trilogy_has_the_expected_categories()
    {
        AadstsCatalog.BuiltIn.TryGet(50074, out var stepUp);
        AadstsCatalog.BuiltIn.TryGet(50076, out var required);
        AadstsCatalog.BuiltIn.TryGet(50079, out var enrollment);

        Assert.Equal("StepUpRequired", stepUp.Category);
        Assert.Equal("StepUpRequired", required.Category);
        Assert.Equal("EnrollmentRequired", enrollment.Category);
        Assert.Equal("interaction_required", required.OAuthError);
    }

    [Fact]
    public void Every_related_code_exists_in_the_catalog()
    {
        var catalog = AadstsCatalog.BuiltIn;
        var dangling = catalog.Entries
            .SelectMany(e => e.RelatedCodes.Select(r => (e.Code, Related: r)))
            .Where(pair => !catalog.TryGet(pair.Related, out _))
            .ToList();

        Assert.Empty(dangling);
    }

    [Theory]
    [InlineData(50140)]
    [InlineData(50199)]
    public void Benign_interrupts_need_no_fix(int code)
    {
        AadstsCatalog.BuiltIn.TryGet(code, out var entry);

        Assert.Equal("BenignInterrupt", entry.Category);
        Assert.Equal(InteractiveFix.NotApplicable, entry.InteractiveFix);
    }

    [Fact]
    public void Entries_are_ordered_and_link_to_the_lookup_page()
    {
        var entries = AadstsCatalog.BuiltIn.Entries;
        var info = new AadstsErrorInfo(entries.First(e => e.Code == 50079));

        Assert.Equal(entries.Select(e => e.Code).OrderBy(c => c), entries.Select(e => e.Code));
        Assert.Equal("https://login.microsoftonline.com/error?code=50079", info.HelpUri.ToString());
        Assert.Equal("AADSTS50079", info.ErrorCode);
    }
}
