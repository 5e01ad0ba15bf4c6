using System;
using System.IO;
using System.Linq;
using System.Text;
using EntraStrongAuth.Core.Classification;
using Xunit;

namespace EntraStrongAuth.Tests.Classification;

public class ClassificationDataTests
{
    private static Stream Json(string text) => new MemoryStream(Encoding.UTF8.GetBytes(text));

    private static Stream Resource(string file) =>
        typeof(ClassificationData).Assembly.GetManifestResourceStream("EntraStrongAuth.Core.Data." + file)!;

    [Fact]
    public void Built_in_tables_load()
    {
        var data = ClassificationData.BuiltIn;

        Assert.Equal("cause-rules.json", data.Rules.Source);
        Assert.True(data.Rules.Rules.Count >= 30);
        Assert.True(data.ScriptingUserAgents.Count >= 20);
        Assert.Equal("AzureCli", data.FindApp("04b07795-8ddb-461a-bbee-02f9e1bf7b46")!.Kind);
        Assert.Equal("AzurePowerShell", data.FindApp("1950A258-227B-4E31-A9CF-717495945FC2")!.Kind);
        Assert.Equal("GraphPowerShell", data.FindApp("14d82eec-204b-4c2f-b7e8-296a70dab67e")!.Kind);
        Assert.False(data.FindApp("04f0c124-f2bc-4f59-8241-bf6df9866bbd")!.Unattended);
        Assert.Null(data.FindApp("c44b4083-3bb0-49c1-b47d-974e53cbdf3c"));
    }

    [Fact]
    public void Every_automation_app_id_in_the_file_is_a_lower_case_guid_from_the_first_party_list()
    {
        using var reader = new StreamReader(Resource("automation-apps.json"));
        var raw = reader.ReadToEnd();
        var ids = System.Text.RegularExpressions.Regex.Matches(raw, "\"appId\"\\s*:\\s*\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(ClassificationData.BuiltIn.AutomationApps.Count, ids.Count);
        Assert.All(ids, id =>
        {
            Assert.True(Guid.TryParseExact(id, "D", out _), id + " is not a GUID");
            Assert.Equal(id.ToLowerInvariant(), id);
        });
    }

    [Fact]
    public void Every_cause_but_Other_has_a_remedy_and_only_interrupts_turn_benign()
    {
        var rules = ClassificationData.BuiltIn.Rules;

        foreach (var cause in Enum.GetValues<FailureCause>())
        {
            var definition = rules.Definition(cause);
            Assert.True(cause == FailureCause.Other ? definition is null : definition is { Remedy.Count: > 0 }, cause.ToString());
        }

        var benign = rules.Causes.Where(c => c.BenignWhenResolved).Select(c => c.Cause).OrderBy(c => c);
        Assert.Equal(
            new[] { FailureCause.SilentAuthInteractionRequired, FailureCause.PolicyStepUp, FailureCause.StaleSessionClaims, FailureCause.IncompleteEnrollment },
            benign);
    }

    [Theory]
    [InlineData("python-requests/2.31.0", "Python requests")]
    [InlineData("Python-urllib/3.11", "Python urllib")]
    [InlineData("Mozilla/5.0 (Windows NT; Windows NT 10.0; en-US) WindowsPowerShell/5.1.19041.1237", "Windows PowerShell (Invoke-WebRequest / Invoke-RestMethod)")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Microsoft Windows 10.0.22631; en-US) PowerShell/7.4.1", "PowerShell 7 (Invoke-WebRequest / Invoke-RestMethod)")]
    [InlineData("curl/8.5.0", "curl")]
    [InlineData("Go-http-client/2.0", "Go net/http")]
    [InlineData("okhttp/4.12.0", "OkHttp (Java/Kotlin)")]
    [InlineData("Apache-HttpClient/4.5.14 (Java/17.0.9)", "Apache HttpClient (Java)")]
    [InlineData("node-fetch/1.0 (+https://github.com/bitinn/node-fetch)", "node-fetch")]
    [InlineData("axios/1.6.7", "axios")]
    [InlineData("azsdk-python-identity/1.15.0 Python/3.11.7 (Linux-6.5.0-x86_64-with-glibc2.35)", "Azure SDK")]
    [InlineData("python/3.11.8 (Windows-10-10.0.22631-SP0) AZURECLI/2.58.0 (MSI)", "Azure CLI")]
    [InlineData("BAV2ROPC", "Exchange Online basic authentication (legacy protocol via ROPC)")]
    public void Scripting_user_agents_are_recognised(string userAgent, string name)
    {
        Assert.Equal(name, ClassificationData.BuiltIn.MatchUserAgent(userAgent)?.Name);
    }

    [Theory]
    [InlineData(TestSignIns.EdgeUserAgent)]
    [InlineData("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.3 Safari/605.1.15")]
    [InlineData("Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17231; Pro)")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Visual Studio Code/1.75.0 Chrome/102.0.5005.167 Electron/19.1.9 Safari/537.36")]
    [InlineData("")]
    public void Browsers_and_office_clients_are_not_scripts(string userAgent)
    {
        Assert.Null(ClassificationData.BuiltIn.MatchUserAgent(userAgent));
    }

    public static TheoryData<string, string, string> BadRules() => new()
    {
        { """{"id":"r1","cause":"PolicyStepUp","confidence":"High","codes":[50076],"reason":"x","when":[{"field":"authProtocol","equals":["ropc"],"reason":"y"}]}""", "rule 'r1' (rule 1)", "when[0].field" },
        { """{"id":"r1","cause":"PolicyStepUp","confidence":"High","codes":[50076],"reason":"x","when":[{"field":"userAgent","inList":"scripts","reason":"y"}]}""", "rule 'r1' (rule 1)", "when[0].inList" },
        { """{"id":"r1","cause":"PolicyStepUp","confidence":"High","codes":[50076],"reason":"x","when":[{"field":"userAgent","equals":["a"],"contains":["b"],"reason":"y"}]}""", "rule 'r1' (rule 1)", "when[0].operator" },
        { """{"id":"r1","cause":"PolicyStepUp","confidence":"High","codes":[50076],"reason":"x","when":[{"field":"userAgent","equals":[],"reason":"y"}]}""", "rule 'r1' (rule 1)", "when[0].equals" },
        { """{"id":"r1","cause":"PolicyStepUp","confidence":"High","codes":[50076],"reason":"x","when":[{"field":"userAgent","equals":["a"]}]}""", "rule 'r1' (rule 1)", "when[0].reason" },
        { """{"id":"r1","cause":"PolicyStepUp","confidence":"High","codes":[50076],"reason":"x","when":[{"field":"deviceDetail","absent":false,"reason":"y"}]}""", "rule 'r1' (rule 1)", "when[0].absent" },
        { """{"id":"r1","cause":"PolicyStepUp","confidence":"High","codes":[50076],"reason":"x","when":["isInteractive"]}""", "rule 'r1' (rule 1)", "when[0]" },
        { """{"id":"r1","cause":"StepUp","confidence":"High","codes":[50076],"reason":"x"}""", "rule 'r1' (rule 1)", "cause" },
        { """{"id":"r1","cause":"Other","confidence":"High","codes":[50076],"reason":"x"}""", "rule 'r1' (rule 1)", "cause" },
        { """{"id":"r1","cause":"PolicyStepUp","confidence":"Certain","codes":[50076],"reason":"x"}""", "rule 'r1' (rule 1)", "confidence" },
        { """{"id":"r1","cause":"PolicyStepUp","confidence":"High","codes":["50076"],"reason":"x"}""", "rule 'r1' (rule 1)", "codes" },
        { """{"id":"r1","cause":"PolicyStepUp","confidence":"High","reason":"x"}""", "rule 'r1' (rule 1)", "codes" },
        { """{"id":"r1","cause":"PolicyStepUp","confidence":"High","codes":[50076],"reason":"x","lowerWhenAbsent":["caPolicies"]}""", "rule 'r1' (rule 1)", "lowerWhenAbsent" },
        { """{"id":"r1","cause":"PolicyStepUp","confidence":"High","codes":[50076],"reason":"x","requires":["caPolicies"]}""", "rule 'r1' (rule 1)", "requires" },
        { """{"id":"r1","cause":"PolicyStepUp","confidence":"High","codes":[50076],"reason":"x","remedy":[]}""", "rule 'r1' (rule 1)", "remedy" },
        { """{"cause":"PolicyStepUp","confidence":"High","codes":[50076],"reason":"x"}""", "rule 1", "id" },
    };

    [Theory]
    [MemberData(nameof(BadRules))]
    public void A_bad_rule_is_reported_by_rule_and_field(string rule, string item, string field)
    {
        var ex = Assert.Throws<ClassificationDataException>(() => CauseRuleReader.Read(Json(RulesFile(rule)), "my-rules.json"));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal("my-rules.json", problem.Source);
        Assert.Equal(item, problem.Item);
        Assert.Equal(field, problem.Field);
        Assert.StartsWith("my-rules.json: " + item + ", field '" + field + "': ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_of_a_file_is_reported_at_once()
    {
        var rules = """{"id":"a","cause":"Nope","confidence":"High","codes":[1],"reason":"x"},{"id":"a","cause":"PolicyStepUp","confidence":"High","codes":[1],"reason":"x"}""";

        var ex = Assert.Throws<ClassificationDataException>(() => CauseRuleReader.Read(Json(RulesFile(rules)), "r.json"));

        Assert.Equal(new[] { "rule 'a' (rule 1)|cause", "rule 'a' (rule 2)|id" }, ex.Problems.Select(p => p.Item + "|" + p.Field));
    }

    [Fact]
    public void A_cause_without_a_definition_is_reported()
    {
        var json = """{"schemaVersion":1,"causes":[],"rules":[]}""";

        var ex = Assert.Throws<ClassificationDataException>(() => CauseRuleReader.Read(Json(json), "r.json"));

        Assert.Equal(9, ex.Problems.Count);
        Assert.Contains(ex.Problems, p => p.Item == "causes" && p.Expected.Contains("HeadlessUserAccount", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{\"rules\": [", "not valid JSON")]
    [InlineData("[]", "must hold a JSON object")]
    [InlineData("{\"schemaVersion\": 2, \"causes\": [], \"rules\": []}", "schema version 1")]
    [InlineData("{\"causes\": []}", "field 'rules'")]
    public void A_rules_file_of_the_wrong_shape_is_rejected_with_its_name(string json, string expected)
    {
        var ex = Assert.Throws<ClassificationDataException>(() => CauseRuleReader.Read(Json(json), "r.json"));

        Assert.StartsWith("r.json: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"appId":"Azure CLI","name":"n","kind":"k","unattended":true}""", "app 'Azure CLI' (app 1)", "appId")]
    [InlineData("""{"appId":"04b07795-8ddb-461a-bbee-02f9e1bf7b46","name":"n","kind":"k"}""", "app '04b07795-8ddb-461a-bbee-02f9e1bf7b46' (app 1)", "unattended")]
    [InlineData("""{"name":"n","kind":"k","unattended":true}""", "app 1", "appId")]
    public void A_bad_automation_app_is_reported_by_app_and_field(string app, string item, string field)
    {
        var ex = Assert.Throws<ClassificationDataException>(() => AutomationAppReader.Read(Json("{\"apps\":[" + app + "]}"), "apps.json"));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal(item, problem.Item);
        Assert.Equal(field, problem.Field);
    }

    [Fact]
    public void A_bad_user_agent_pattern_is_reported_by_pattern_and_field()
    {
        var ex = Assert.Throws<ClassificationDataException>(() => UserAgentPatternReader.Read(Json("""{"patterns":[{"match":"regex","value":"x","name":"n"}]}"""), "ua.json"));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal("pattern 1", problem.Item);
        Assert.Equal("match", problem.Field);
        Assert.Contains("Prefix, Contains, Exact", problem.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void User_tables_replace_built_in_ones()
    {
        var apps = AutomationAppReader.Read(Json("""{"apps":[{"appId":"11111111-2222-3333-4444-555555555555","name":"Contoso nightly sync","kind":"InHouse","unattended":true}]}"""), "apps.json");
        var data = ClassificationData.BuiltIn.With(automationApps: apps);
        var classifier = new StrongAuthClassifier(data, EntraStrongAuth.Core.Aadsts.AadstsCatalog.BuiltIn);

        var failure = classifier.Classify(TestSignIns.Failure(50076).Silent().Deviceless().App("11111111-2222-3333-4444-555555555555", "Contoso sync"));

        Assert.Equal(FailureCause.HeadlessUserAccount, failure.CauseKind);
        Assert.Contains(failure.Evidence, e => e.Field == "appId" && e.Reason.Contains("Contoso nightly sync (InHouse)", StringComparison.Ordinal));
        Assert.Same(ClassificationData.BuiltIn.Rules, data.Rules);
    }

    /// <summary>A rules file with valid cause definitions, so only the rules under test can be wrong.</summary>
    private static string RulesFile(string rules)
    {
        var causes = string.Join(",", Enum.GetNames<FailureCause>().Where(n => n != "Other").Select(n => "{\"cause\":\"" + n + "\",\"remedy\":[\"r\"]}"));
        return "{\"schemaVersion\":1,\"causes\":[" + causes + "],\"rules\":[" + rules + "]}";
    }
}
