using System;
using System.IO;
using System.Linq;
using EntraStrongAuth.Core.Enrollment;
using EntraStrongAuth.Core.Strength;
using EntraStrongAuth.Engine.Enrollment;
using Xunit;

namespace EntraStrongAuth.Tests.Enrollment;

public class RegistrationExportCsvReaderTests
{
    private static readonly string Sample = Path.Combine(AppContext.BaseDirectory, "Enrollment", "Samples", "registration-export.csv");

    private static RegistrationReadItem[] Read(string csv) =>
        RegistrationExportCsvReader.Read(new StringReader(csv), "test.csv").ToArray();

    [Fact]
    public void Sample_export_reads_every_row_with_graph_method_names()
    {
        var items = RegistrationExportCsvReader.ReadFile(Sample).ToArray();

        Assert.All(items, i => Assert.Null(i.Problem));
        var rows = items.Select(i => i.Registration!).ToDictionary(r => r.UserPrincipalName!, StringComparer.Ordinal);
        Assert.Equal(10, rows.Count);
        var alex = rows["alex.wilber@contoso.com"];
        // The header's first cell carries the file's byte order mark: the id column is still found.
        Assert.Equal("6f1c2a10-4d7e-4b9a-9c11-0a1b2c3d4e01", alex.Id);
        Assert.Equal(new[] { "microsoftAuthenticatorPush", "mobilePhone" }, alex.MethodsRegistered);
        Assert.True(alex.IsMfaCapable);
        Assert.False(alex.IsAdmin);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 6, 10, 0, TimeSpan.Zero), alex.LastUpdatedDateTime);
        Assert.Equal("registration-export.csv line 2", alex.Source);
        Assert.Equal(new[] { "fido2SecurityKey" }, rows["casey.jones@contoso.com"].MethodsRegistered);
        Assert.Equal("Jones, Casey", rows["casey.jones@contoso.com"].UserDisplayName);
        Assert.Empty(rows["dana.ortiz@contoso.com"].MethodsRegistered);
        Assert.Equal("Guest", rows["eli_fabrikam.com#EXT#@contoso.onmicrosoft.com"].UserType);
        Assert.Equal(new[] { "passKeyDeviceBoundAuthenticator", "windowsHelloForBusiness", "microsoftAuthenticatorPush" }, rows["frankie.admin@contoso.com"].MethodsRegistered);
        Assert.Equal(new[] { "email", "securityQuestion" }, rows["gray.li@contoso.com"].MethodsRegistered);
        Assert.Equal(new[] { "softwareOneTimePasscode", "microsoftAuthenticatorPasswordless" }, rows["harper.kim@contoso.com"].MethodsRegistered);
    }

    [Fact]
    public void Sample_rows_assess_as_their_methods_say()
    {
        var rows = RegistrationExportCsvReader.ReadFile(Sample).Select(i => i.Registration!).ToDictionary(r => r.UserPrincipalName!, StringComparer.Ordinal);
        var strength = StrengthData.BuiltIn.FindStrength(AuthenticationStrength.PhishingResistantMfaId)!;
        var options = new EnrollmentAssessmentOptions(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));

        EnrollmentOutcome Outcome(string upn) =>
            EnrollmentAssessor.Assess(UserMethodsSnapshot.FromRegistration(rows[upn], MethodsSource.File), strength, StrengthPersonasPolicy, options).OutcomeKind;

        Assert.Equal(EnrollmentOutcome.Satisfiable, Outcome("casey.jones@contoso.com"));
        Assert.Equal(EnrollmentOutcome.Satisfiable, Outcome("frankie.admin@contoso.com"));
        Assert.Equal(EnrollmentOutcome.NeedsRegistration, Outcome("blair.chen@contoso.com"));
        Assert.Equal(EnrollmentOutcome.NeedsRegistration, Outcome("dana.ortiz@contoso.com"));
    }

    [Fact]
    public void Graph_property_headers_quoted_fields_and_space_or_semicolon_lists_are_read()
    {
        var items = Read(
            "\"id\",\"userPrincipalName\",\"userDisplayName\",\"userType\",\"isMfaCapable\",\"methodsRegistered\",\"lastUpdatedDateTime\"\r\n"
            + "\"a1\",\"ana@contoso.com\",\"Ana \"\"The Admin\"\", Ops\",\"member\",\"True\",\"mobilePhone microsoftAuthenticatorPush\",\"2026-11-27T22:00:00Z\"\r\n"
            + "\"b2\",\"ben@contoso.com\",\"Ben\r\nSecond line\",\"guest\",\"False\",\"email;passKeySynced\",\"\"\r\n");

        var ana = items[0].Registration!;
        var ben = items[1].Registration!;
        Assert.Equal(2, items.Length);
        Assert.Equal("Ana \"The Admin\", Ops", ana.UserDisplayName);
        Assert.Equal(new[] { "mobilePhone", "microsoftAuthenticatorPush" }, ana.MethodsRegistered);
        Assert.True(ana.IsMfaCapable);
        Assert.Equal("Ben\r\nSecond line", ben.UserDisplayName);
        Assert.Equal(new[] { "email", "passKeySynced" }, ben.MethodsRegistered);
        Assert.False(ben.IsMfaCapable);
        Assert.Null(ben.LastUpdatedDateTime);
    }

    [Fact]
    public void Byte_order_mark_and_windows_powershell_type_line_are_skipped()
    {
        var items = Read("\uFEFF#TYPE Microsoft.Graph.PowerShell.Models.MicrosoftGraphUserRegistrationDetails\nId,UserPrincipalName,MethodsRegistered\nc3,cy@contoso.com,fido2SecurityKey\n");

        var row = Assert.Single(items).Registration!;
        Assert.Equal("c3", row.Id);
    }

    [Fact]
    public void Byte_order_mark_before_the_header_is_not_part_of_the_first_column()
    {
        var row = Assert.Single(Read("\uFEFFId,UserPrincipalName,MethodsRegistered\nc3,cy@contoso.com,fido2SecurityKey\n")).Registration!;

        Assert.Equal("c3", row.Id);
    }

    [Fact]
    public void Bad_boolean_names_line_and_column_and_the_other_rows_are_read()
    {
        var items = Read(
            "userPrincipalName,isMfaCapable,methodsRegistered\n"
            + "a@contoso.com,True,mobilePhone\n"
            + "b@contoso.com,maybe,mobilePhone\n"
            + "c@contoso.com,False,email\n");

        var problem = Assert.Single(items, i => i.Problem is not null).Problem!;
        Assert.Equal(RegistrationReadProblem.RowInvalid, problem.ErrorId);
        Assert.Equal(3, problem.Line);
        Assert.Equal("isMfaCapable", problem.Column);
        Assert.Contains("'maybe'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("expected True/False", problem.Message, StringComparison.Ordinal);
        Assert.StartsWith("test.csv, line 3, column 'isMfaCapable': 'maybe'", problem.ToString(), StringComparison.Ordinal);
        Assert.Equal(new[] { "a@contoso.com", "c@contoso.com" }, items.Where(i => i.Registration is not null).Select(i => i.Registration!.UserPrincipalName));
        Assert.Equal("a@contoso.com", items[0].Registration!.Id);
    }

    [Fact]
    public void Unknown_column_set_is_one_clear_error_naming_the_expected_headers()
    {
        var items = Read("Date (UTC),Request ID,User,Status\n2026-11-28,abc,alex,Failure\n");

        var problem = Assert.Single(items).Problem!;
        Assert.Equal(RegistrationReadProblem.ColumnsUnknown, problem.ErrorId);
        Assert.Equal(1, problem.Line);
        Assert.Contains("\"User principal name\"", problem.Message, StringComparison.Ordinal);
        Assert.Contains("methodsRegistered", problem.Message, StringComparison.Ordinal);
        Assert.Contains("Columns seen: Date (UTC), Request ID, User, Status", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a@contoso.com,mobilePhone,extra\n", "3 cells, the header 2")]
    [InlineData("a@contoso.com,System.String[]\n", "did not expand the list")]
    [InlineData("a@contoso.com,\"mobilePhone\n", "not closed")]
    [InlineData(",mobilePhone\n", "neither a user principal name nor an id")]
    public void Broken_line_is_a_problem_not_a_row(string line, string message)
    {
        var item = Assert.Single(Read("userPrincipalName,methodsRegistered\n" + line));

        Assert.Null(item.Registration);
        Assert.Equal(2, item.Problem!.Line);
        Assert.Contains(message, item.Problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_time_and_unknown_method_names()
    {
        var items = Read("userPrincipalName,methodsRegistered,lastUpdatedDateTime\na@contoso.com,Carrier pigeon,2026-11-28T06:10:00Z\nb@contoso.com,email,yesterday\n");

        Assert.Equal(new[] { "Carrier pigeon" }, items[0].Registration!.MethodsRegistered);
        Assert.Equal("lastUpdatedDateTime", items[1].Problem!.Column);
        Assert.Contains("not a date and time", items[1].Problem!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_file_is_a_problem()
    {
        Assert.Equal(RegistrationReadProblem.Empty, Assert.Single(Read(string.Empty)).Problem!.ErrorId);
    }

    private static UserMethodsPolicy StrengthPersonasPolicy => Strength.StrengthPersonas.AllEnabled;
}
