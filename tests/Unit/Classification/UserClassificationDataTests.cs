using System;
using System.IO;
using System.Linq;
using EntraStrongAuth.Core.Aadsts;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.SignIns;
using Xunit;

namespace EntraStrongAuth.Tests.Classification;

/// <summary>-ClassificationDataPath: user files combined with the built-in tables.</summary>
public sealed class UserClassificationDataTests : IDisposable
{
    private const string PayrollSync = "6c1f0a55-2b7e-4d0c-9a43-1e8f5d2c7b90";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "esa-data-" + Guid.NewGuid().ToString("N"));

    public UserClassificationDataTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_user_automation_app_turns_a_silent_failure_into_a_headless_account()
    {
        var signIn = DevicelessSilentFailure(PayrollSync);
        var before = StrongAuthClassifier.Default.Classify(signIn);
        var file = Write("contoso-apps.json", """
            {"schemaVersion": 1, "apps": [{"appId": "6c1f0a55-2b7e-4d0c-9a43-1e8f5d2c7b90", "name": "Contoso payroll sync", "kind": "InHouseJob", "unattended": true}]}
            """);

        var data = UserClassificationData.Combine(ClassificationData.BuiltIn, [file]);
        var after = new StrongAuthClassifier(data, AadstsCatalog.BuiltIn).Classify(signIn);

        Assert.Equal(FailureCause.SilentAuthInteractionRequired, before.CauseKind);
        Assert.Equal(FailureCause.HeadlessUserAccount, after.CauseKind);
        Assert.Contains(after.Evidence, e => e.Field == "appId" && e.ToString().Contains("Contoso payroll sync (InHouseJob)", StringComparison.Ordinal));
        Assert.Equal(ClassificationData.BuiltIn.AutomationApps.Count + 1, data.AutomationApps.Count);
    }

    [Fact]
    public void A_user_app_with_a_built_in_id_overrides_the_built_in_entry()
    {
        var file = Write("apps.json", """
            {"apps": [{"appId": "04b07795-8ddb-461a-bbee-02f9e1bf7b46", "name": "Azure CLI (people only here)", "kind": "AzureCli", "unattended": false}]}
            """);

        var data = UserClassificationData.Combine(ClassificationData.BuiltIn, [file]);

        Assert.Equal(ClassificationData.BuiltIn.AutomationApps.Count, data.AutomationApps.Count);
        Assert.Equal(("Azure CLI (people only here)", false), (data.FindApp(TestSignIns.AzureCli)!.Name, data.FindApp(TestSignIns.AzureCli)!.Unattended));
        Assert.Same(ClassificationData.BuiltIn.Rules, data.Rules);
    }

    [Fact]
    public void User_agent_patterns_are_tried_first_and_replace_the_same_built_in_pattern()
    {
        var file = Write("agents.json", """
            {"schemaVersion": 1, "patterns": [
              {"match": "prefix", "value": "ContosoSync/", "name": "Contoso sync agent", "kind": "InHouse"},
              {"match": "prefix", "value": "PYTHON-REQUESTS/", "name": "Python requests (our scripts)", "kind": "HttpLibrary"}]}
            """);

        var data = UserClassificationData.Combine(ClassificationData.BuiltIn, [file]);

        Assert.Equal("Contoso sync agent", data.ScriptingUserAgents[0].Name);
        Assert.Equal("Contoso sync agent", data.MatchUserAgent("ContosoSync/2.1 (Linux)")!.Name);
        Assert.Equal("Python requests (our scripts)", data.MatchUserAgent("python-requests/2.31.0")!.Name);
        Assert.Equal(ClassificationData.BuiltIn.ScriptingUserAgents.Count + 1, data.ScriptingUserAgents.Count);
    }

    [Fact]
    public void A_cause_rules_file_replaces_the_rule_table_and_only_one_is_allowed()
    {
        using var builtIn = typeof(ClassificationData).Assembly.GetManifestResourceStream("EntraStrongAuth.Core.Data.cause-rules.json")!;
        using var copy = new StreamReader(builtIn);
        var text = copy.ReadToEnd();
        var first = Write("rules.json", text);
        var second = Write("rules-too.json", text);

        var data = UserClassificationData.Combine(ClassificationData.BuiltIn, [first]);
        var twice = Assert.Throws<ClassificationDataException>(() => UserClassificationData.Combine(ClassificationData.BuiltIn, [first, second]));

        Assert.Equal(first, data.Rules.Source);
        Assert.Equal(ClassificationData.BuiltIn.Rules.Rules.Select(r => r.Id), data.Rules.Rules.Select(r => r.Id));
        Assert.StartsWith(second + ": a second cause-rules file", twice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_entry_names_the_file_the_entry_and_the_field()
    {
        var file = Write("apps.json", """
            {"apps": [{"appId": "6c1f0a55-2b7e-4d0c-9a43-1e8f5d2c7b90", "name": "ok", "kind": "Job", "unattended": true},
                      {"appId": "payroll-sync", "name": "Payroll", "kind": "Job", "unattended": "yes"}]}
            """);

        var error = Assert.Throws<ClassificationDataException>(() => UserClassificationData.Combine(ClassificationData.BuiltIn, [file]));

        Assert.Equal(
            [(file, "app 'payroll-sync' (app 2)", "unattended"), (file, "app 'payroll-sync' (app 2)", "appId")],
            error.Problems.Select(p => (p.Source, p.Item, p.Field)));
    }

    [Theory]
    [InlineData("{\"apps\": [", "not valid JSON")]
    [InlineData("{\"entries\": []}", "holds none of the classification tables")]
    [InlineData("{\"schemaVersion\": 2, \"apps\": []}", "field 'schemaVersion' is '2'")]
    public void A_file_of_the_wrong_shape_is_rejected_with_its_name(string text, string expected)
    {
        var file = Write("bad.json", text);

        var error = Assert.Throws<ClassificationDataException>(() => UserClassificationData.Combine(ClassificationData.BuiltIn, [file]));

        Assert.StartsWith(file + ":", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    /// <summary>A silent 50076 from an app with no device details: what a scheduled job signing in as a user looks like.</summary>
    internal static SignInEvent DevicelessSilentFailure(string appId)
    {
        var signIn = TestSignIns.Failure(50076);
        signIn.AppId = appId;
        signIn.AppDisplayName = "Payroll sync";
        signIn.IsInteractive = false;
        signIn.SignInEventTypes = ["nonInteractiveUser"];
        signIn.IncomingTokenType = "refreshToken";
        signIn.OperatingSystem = null;
        signIn.Browser = null;
        signIn.UserAgent = null;
        signIn.ClientAppUsed = "Mobile Apps and Desktop clients";
        return signIn;
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
