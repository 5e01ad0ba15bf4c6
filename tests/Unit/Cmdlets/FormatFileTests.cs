using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Xml.Linq;
using EntraStrongAuth.Core.Enrollment;
using EntraStrongAuth.Core.Remediation;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Core.Headless;
using EntraStrongAuth.Core.Strength;
using Xunit;

namespace EntraStrongAuth.Tests.Cmdlets;

/// <summary>
/// The module's Format.ps1xml: valid XML, every view names a type that exists and properties that type has (a renamed
/// property otherwise shows as an empty column, silently), and the enrollment views render within 120 columns.
/// </summary>
public class FormatFileTests
{
    private static readonly string FormatFile = Path.Combine(AppContext.BaseDirectory, "Module", "EntraStrongAuth.Format.ps1xml");

    public static IEnumerable<object[]> Views() =>
        XDocument.Load(FormatFile).Descendants("View").Select(v => new object[] { (string)v.Element("Name")! });

    [Theory]
    [MemberData(nameof(Views))]
    public void View_names_an_existing_type_and_its_properties(string view)
    {
        var element = XDocument.Load(FormatFile).Descendants("View").Single(v => (string)v.Element("Name")! == view);
        var typeName = (string)element.Element("ViewSelectedBy")!.Element("TypeName")!;
        var type = TypeOf(typeName);

        Assert.True(type is not null, view + ": no type " + typeName);
        foreach (var property in element.Descendants("PropertyName").Select(p => p.Value.Trim()))
        {
            Assert.True(type!.GetProperty(property) is not null, view + ": " + typeName + " has no property " + property);
        }
    }

    [Fact]
    public void Enrollment_table_fits_120_columns_and_the_list_numbers_the_remedy()
    {
        var now = DateTimeOffset.UtcNow;
        var strength = StrengthData.BuiltIn.FindStrength(AuthenticationStrength.PhishingResistantMfaId)!;
        var old = UserMethodsSnapshot.FromRegistration(new UserRegistration("u1", "a.very.long.user.principal.name@contoso.onmicrosoft.com")
        {
            UserType = "member",
            MethodsRegistered = new[] { "mobilePhone" },
            LastUpdatedDateTime = now.AddHours(-30),
        });
        var results = new object[]
        {
            EnrollmentAssessor.Assess(old, strength, UserMethodsPolicy.Unknown, new EnrollmentAssessmentOptions(now)),
            EnrollmentAssessor.Excluded(old, strength, EnrollmentExclusion.BreakGlass),
        };

        var table = TableWithin120Columns(results);
        var list = Render(results.Take(1), "Format-List");

        AssertShows(table, "NeedsRegistration", "Skip: BreakGlass", " h old, stale");
        Assert.DoesNotContain("h!", table, StringComparison.Ordinal);
        AssertShows(list, "1. ", "Uncertainties", "Data warning");
    }

    [Fact]
    public void Headless_table_fits_120_columns_and_the_list_shows_every_evidence_line_and_step()
    {
        var recommendation = new WorkloadIdentityRecommendation(WorkloadIdentityKind.CertificateServicePrincipal, "no Azure or CI addresses", new[] { "Create an app registration", "Retire the user's access" })
        {
            Resources = new[] { "Microsoft Graph" },
            Apps = new[] { "Microsoft Azure PowerShell" },
        };
        var finding = new HeadlessFinding(
            "a.very.long.service.account.name@contoso.onmicrosoft.com",
            92,
            new[] { new HeadlessEvidence("Ropc", 40, "47 of 52 sign-ins used ROPC"), new HeadlessEvidence("Cadence", 25, "every 5 min for 6 days") },
            recommendation)
        {
            SignIns = 52,
            InteractiveSignIns = 52,
            FirstSeen = DateTimeOffset.UtcNow.AddDays(-6),
            LastSeen = DateTimeOffset.UtcNow,
            IpAddresses = new[] { "203.0.113.7" },
        };

        var perApp = new HeadlessFinding(finding.User, 88, finding.Evidence, recommendation) { AppId = "1950a258-227b-4e31-a9cf-717495945fc2", AppDisplayName = "Azure PowerShell" };

        var table = TableWithin120Columns(new object[] { finding, perApp });
        var list = Render(new object[] { finding }, "Format-List");

        AssertShows(table, "Ropc +40", "CertificateServicePrincipal", "Microsoft Azure", "only Azure Power");
        AssertShows(list, "Cadence +25: every 5 min for 6 days", "2. Retire the user's access", "Microsoft Graph", "203.0.113.7");
    }

    [Fact]
    public void Remediation_table_fits_120_columns_and_the_list_shows_evidence_and_numbered_advice()
    {
        var fixedAt = new DateTimeOffset(2026, 3, 9, 12, 0, 0, TimeSpan.Zero);
        var comparer = new RemediationComparer(new RemediationOptions(fixedAt.AddDays(-7), fixedAt, fixedAt.AddDays(7)));
        comparer.AddSubject(new RemediationSubject("a.very.long.automation.account.name@contoso.onmicrosoft.com", null, "1950a258-227b-4e31-a9cf-717495945fc2", "9d1c0f36-5b0c-4a57-9b7e-2f6f1c7e0a11"));
        foreach (var hours in new[] { -5, 5 })
        {
            comparer.Add(new SignInEvent
            {
                CreatedDateTime = fixedAt.AddHours(hours),
                UserPrincipalName = "a.very.long.automation.account.name@contoso.onmicrosoft.com",
                AppId = "1950a258-227b-4e31-a9cf-717495945fc2",
                UserAgent = "python-requests/2.31.0",
                IsInteractive = false,
                ErrorCode = 50076,
            });
        }

        var results = comparer.Results();
        var table = TableWithin120Columns(results);
        var list = Render(results, "Format-List");

        Assert.Contains("NotFixed", table, StringComparison.Ordinal);
        Assert.Matches(@"NotFixed\s+\w+\s+1\s+\d+\s+\w+", table);   // Confidence, AfterFailures, AfterWorkloadSignIns and JudgedAs, each in its own column
        Assert.Contains("after.automationSignIns = 1", list, StringComparison.Ordinal);
        Assert.Contains("1. ", list, StringComparison.Ordinal);
        Assert.Contains("Expected identity", list, StringComparison.Ordinal);
    }

    // Output types live in Core (docs/DESIGN.md §8).
    private static Type? TypeOf(string name) => typeof(AuthenticationStrength).Assembly.GetType(name);

    private static string TableWithin120Columns(IEnumerable<object> items)
    {
        var table = Render(items, "Format-Table");
        Assert.All(table.Split('\n'), line => Assert.True(line.TrimEnd().Length <= 120, "too wide: " + line));
        return table;
    }

    private static void AssertShows(string text, params string[] parts) =>
        Assert.All(parts, part => Assert.Contains(part, text, StringComparison.Ordinal));

    private static string Render(IEnumerable<object> items, string command)
    {
        var state = InitialSessionState.CreateDefault2();
        state.Formats.Add(new SessionStateFormatEntry(FormatFile));
        using var runspace = RunspaceFactory.CreateRunspace(state);
        runspace.Open();
        using var shell = PowerShell.Create();
        shell.Runspace = runspace;
        shell.AddCommand(command).AddCommand("Out-String").AddParameter("Width", 120);
        var output = shell.Invoke(items);
        Assert.Empty(shell.Streams.Error);
        return string.Concat(output.Select(o => o.ToString()));
    }
}
