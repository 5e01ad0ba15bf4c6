using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Enrollment;
using EntraStrongAuth.Engine.Enrollment;
using Xunit;

namespace EntraStrongAuth.Tests.Enrollment;

/// <summary>The parsers on Graph's documented example JSON, through the file reader, and their problems on malformed records.</summary>
public class EnrollmentFileReaderTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Enrollment", "Fixtures", name);

    private static async Task<(List<UserRegistration> Rows, IReadOnlyList<Core.Policies.PolicyReadProblem> Problems)> RegistrationsAsync(string path)
    {
        var rows = new List<UserRegistration>();
        var problems = await EnrollmentFileReader.ReadRegistrationsAsync(path, r =>
        {
            rows.Add(r);
            return Task.CompletedTask;
        }, CancellationToken.None);
        return (rows, problems);
    }

    [Fact]
    public async Task The_docs_registration_details_example_reads_every_row_and_field()
    {
        var (rows, problems) = await RegistrationsAsync(Fixture("registration-details.v1-list.json"));
        Assert.Empty(problems);
        Assert.Equal(new[] { "86462606-fde0-4fc4-9e0c-a20eb73e54c6", "c6ad1942-4afa-47f8-8d48-afb5d8d69d2f", "c8096958-797c-44fa-8fde-a6fb62567cf0" }, rows.Select(r => r.Id));
        var alex = rows[0];
        Assert.Equal("AlexW@Contoso.com", alex.UserPrincipalName);
        Assert.Equal("Alex Wilber", alex.UserDisplayName);
        Assert.Equal("member", alex.UserType);
        Assert.Equal(new[] { "microsoftAuthenticatorPush", "softwareOneTimePasscode" }, alex.MethodsRegistered);
        Assert.True(alex.IsMfaCapable);
        Assert.False(alex.IsAdmin);
        Assert.Equal(new DateTimeOffset(2023, 3, 13, 19, 15, 41, TimeSpan.Zero).AddTicks(6195833), alex.LastUpdatedDateTime);
        Assert.Equal("guest", rows[1].UserType);
        Assert.Empty(rows[1].MethodsRegistered);
        Assert.False(rows[1].IsMfaCapable);
        Assert.EndsWith("record 3", rows[2].Source, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NDJSON_and_arrays_read_and_a_malformed_row_is_a_problem_with_record_and_field()
    {
        var path = Path.Combine(Path.GetTempPath(), "esa-reg-" + Guid.NewGuid().ToString("N") + ".ndjson");
        File.WriteAllLines(path, new[]
        {
            """{"id":"u1","userPrincipalName":"a@contoso.com","methodsRegistered":["mobilePhone"]}""",
            """{"id":"u2","userPrincipalName":"b@contoso.com","isMfaCapable":"yes"}""",
            """[{"id":"u3","methodsRegistered":[]},{"userPrincipalName":"no-id@contoso.com"}]""",
        });
        try
        {
            var (rows, problems) = await RegistrationsAsync(path);
            Assert.Equal(new[] { "u1", "u3" }, rows.Select(r => r.Id));
            Assert.Equal(2, problems.Count);
            Assert.Equal(2, problems[0].Record);
            Assert.Equal("u2", problems[0].Id);
            Assert.Contains("'isMfaCapable'", problems[0].Message, StringComparison.Ordinal);
            Assert.Equal(4, problems[1].Record);
            Assert.Contains("'id'", problems[1].Message, StringComparison.Ordinal);
            Assert.All(problems, p => Assert.Equal(path, p.Source));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_docs_methods_examples_read_with_their_details_in_both_spellings()
    {
        var v1 = EnrollmentFileReader.ReadUserMethods(Fixture("methods.v1-list.json"), "user-1");
        Assert.Empty(v1.Problems);
        var snapshot = Assert.Single(v1.Items);
        Assert.Equal(MethodsSource.File, snapshot.Source);
        Assert.Equal(new[] { "fido2AuthenticationMethod", "windowsHelloForBusinessAuthenticationMethod" }, snapshot.Methods.Select(m => m.Kind));
        Assert.Equal("2fc0579f-8113-47ea-b116-555a8db9202a", snapshot.Methods[0].Aaguid);
        Assert.Equal(new DateTimeOffset(2020, 8, 10, 6, 44, 9, TimeSpan.Zero), snapshot.Methods[0].CreatedDateTime);
        Assert.Equal("Jordan's Surface Book", snapshot.Methods[1].DisplayName);

        var beta = EnrollmentFileReader.ReadUserMethods(Fixture("methods.beta-list.json"), "user-1");
        Assert.Empty(beta.Problems);
        var phones = beta.Items[0].Methods.Where(m => m.Kind == "phoneAuthenticationMethod").ToList();
        Assert.Equal(new[] { "mobile", "alternateMobile" }, phones.Select(p => p.PhoneType));
        Assert.Equal(new[] { "ready", "notSupported" }, phones.Select(p => p.SmsSignInState));
        Assert.Equal("passwordAuthenticationMethod", beta.Items[0].Methods[0].Kind);

        var phoneList = EnrollmentFileReader.ReadUserMethods(Fixture("phone-methods.v1-list.json"), "user-1");
        Assert.Equal(new[] { "mobile", "alternateMobile", "office" }, phoneList.Items[0].Methods.Select(p => p.PhoneType));
    }

    [Fact]
    public void Unknown_method_types_are_kept_and_typeless_records_are_problems()
    {
        var path = Path.Combine(Path.GetTempPath(), "esa-methods-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, """
            {"value":[
              {"@odata.type":"#microsoft.graph.temporaryAccessPassAuthenticationMethod","id":"t","isUsableOnce":true,"isUsable":false},
              {"@odata.type":"#microsoft.graph.qrCodePinAuthenticationMethod","id":"q"},
              {"@odata.type":"#microsoft.graph.someFutureAuthenticationMethod","id":"f"},
              {"id":"x"}
            ]}
            """);
        try
        {
            var read = EnrollmentFileReader.ReadUserMethods(path, "u");
            var methods = read.Items[0].Methods;
            Assert.Equal(new[] { "temporaryAccessPassAuthenticationMethod", "qrCodePinAuthenticationMethod", "someFutureAuthenticationMethod" }, methods.Select(m => m.Kind));
            Assert.True(methods[0].IsUsableOnce);
            Assert.False(methods[0].IsUsable);
            var problem = Assert.Single(read.Problems);
            Assert.Equal(4, problem.Record);
            Assert.Contains("@odata.type", problem.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_methods_policy_reads_every_subtype_setting_and_reports_a_malformed_configuration()
    {
        var read = EnrollmentFileReader.ReadMethodsPolicy(Fixture("methods-policy.json"));
        var policy = read.Policy;
        Assert.True(policy.IsKnown);
        Assert.Equal(new DateTimeOffset(2022, 5, 24, 22, 9, 16, TimeSpan.Zero).AddTicks(3547063), policy.LastModifiedDateTime);
        Assert.Equal(new[] { "Fido2", "MicrosoftAuthenticator", "Sms", "Voice", "Email", "X509Certificate", "QRCodePin" }, policy.Configurations.Select(c => c.Id));
        var problem = Assert.Single(read.Problems);
        Assert.Equal(7, problem.Record);
        Assert.Equal("TemporaryAccessPass", problem.Id);
        Assert.Contains("'includeTargets'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("treated as disabled", problem.Message, StringComparison.Ordinal);
        Assert.Equal(new[] { "9a9c2cd4-ac66-4c8b-a4a2-2ad5a7d2b6a0", "2b4f8a3c-0000-4000-8000-000000000001" }, policy.TargetGroupIds);

        var alex = policy.ForUser("86462606-fde0-4fc4-9e0c-a20eb73e54c6", new[] { "2b4f8a3c-0000-4000-8000-000000000001" }, isGuest: false);
        Assert.Equal(new[] { "Email", "Fido2", "MicrosoftAuthenticator", "QRCodePin", "Sms", "X509Certificate" }, alex.EnabledMethods.OrderBy(m => m, StringComparer.Ordinal));
        Assert.Equal("deviceBasedPush", alex.AuthenticatorMode);
        Assert.True(alex.AuthenticatorSoftwareOathEnabled);
        Assert.True(alex.SmsSignInAllowed);
        Assert.True(alex.VoiceOfficePhoneAllowed);
        Assert.False(alex.EmailOtpForExternalUsers);
        Assert.False(alex.AllowsAaguid("90a3ccdf-635c-4729-a248-9b709135078f"));
        Assert.True(alex.AllowsAaguid("2fc0579f-8113-47ea-b116-555a8db9202a"));
        var rule = Assert.Single(alex.X509BindingRules);
        Assert.Equal(("issuerSubject", "CN=Contoso Issuing CA", "x509CertificateMultiFactor"), (rule.RuleType, rule.Identifier, rule.Binding));

        var excluded = policy.ForUser("other", new[] { "9a9c2cd4-ac66-4c8b-a4a2-2ad5a7d2b6a0" }, isGuest: false);
        Assert.False(excluded.IsMethodEnabled("Fido2"));
        Assert.False(excluded.IsMethodEnabled("MicrosoftAuthenticator"));
        Assert.False(excluded.IsMethodEnabled("QRCodePin"));
    }

    [Fact]
    public void An_unreadable_policy_file_is_unknown_with_a_problem_naming_the_file()
    {
        var read = EnrollmentFileReader.ReadMethodsPolicy(Fixture("does-not-exist.json"));
        Assert.Same(TenantMethodsPolicy.Unknown, read.Policy);
        var problem = Assert.Single(read.Problems);
        Assert.Equal(EnrollmentFileReader.FileUnreadable, problem.ErrorId);
        Assert.EndsWith("does-not-exist.json", problem.Source, StringComparison.Ordinal);
    }
}
