using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace EntraStrongAuth.Core.Classification;

/// <summary>
/// The tables the classifier works from: automation apps, scripting user agents and the cause rules. The built-in
/// tables are data files embedded in Core, read once; a caller can build its own set from user files (docs/DESIGN.md §2:
/// tables that change over time are data, testable and overridable).
/// </summary>
public sealed class ClassificationData
{
    public const int SupportedSchemaVersion = 1;

    /// <summary>List of <see cref="AutomationApp"/>s run from scripts (unattended).</summary>
    public const string AutomationAppsList = "automationApps";

    /// <summary>List of <see cref="AutomationApp"/>s that are interactive developer tools.</summary>
    public const string DeveloperToolsList = "developerTools";

    /// <summary>List of <see cref="UserAgentPattern"/>s.</summary>
    public const string ScriptingUserAgentsList = "scriptingUserAgents";

    internal const string AutomationAppsFile = "automation-apps.json";
    internal const string UserAgentsFile = "scripting-user-agents.json";
    internal const string RulesFile = "cause-rules.json";

    private static readonly Lazy<ClassificationData> BuiltInData = new(LoadBuiltIn);

    private readonly Dictionary<string, AutomationApp> _apps;

    public ClassificationData(IReadOnlyList<AutomationApp> automationApps, IReadOnlyList<UserAgentPattern> scriptingUserAgents, CauseRuleSet rules)
    {
        AutomationApps = automationApps ?? throw new ArgumentNullException(nameof(automationApps));
        ScriptingUserAgents = scriptingUserAgents ?? throw new ArgumentNullException(nameof(scriptingUserAgents));
        Rules = rules ?? throw new ArgumentNullException(nameof(rules));
        _apps = new Dictionary<string, AutomationApp>(StringComparer.OrdinalIgnoreCase);
        foreach (var app in automationApps)
        {
            _apps[app.AppId] = app;
        }
    }

    /// <summary>The names a rule's <c>inList</c> may use.</summary>
    public static IReadOnlyList<string> ListNames { get; } = new[] { AutomationAppsList, DeveloperToolsList, ScriptingUserAgentsList };

    /// <summary>The shipped tables, read once per process.</summary>
    public static ClassificationData BuiltIn => BuiltInData.Value;

    public IReadOnlyList<AutomationApp> AutomationApps { get; }

    public IReadOnlyList<UserAgentPattern> ScriptingUserAgents { get; }

    public CauseRuleSet Rules { get; }

    /// <summary>A copy with some tables replaced (e.g. by user files); null keeps this one's.</summary>
    public ClassificationData With(IReadOnlyList<AutomationApp>? automationApps = null, IReadOnlyList<UserAgentPattern>? scriptingUserAgents = null, CauseRuleSet? rules = null) =>
        new(automationApps ?? AutomationApps, scriptingUserAgents ?? ScriptingUserAgents, rules ?? Rules);

    public AutomationApp? FindApp(string? appId) =>
        appId is not null && _apps.TryGetValue(appId.Trim(), out var app) ? app : null;

    public UserAgentPattern? MatchUserAgent(string? userAgent) =>
        string.IsNullOrWhiteSpace(userAgent) ? null : ScriptingUserAgents.FirstOrDefault(p => p.Matches(userAgent));

    /// <summary>Whether <paramref name="value"/> is in the named list; <paramref name="entry"/> describes the entry for evidence.</summary>
    internal bool InList(string list, string value, out string entry)
    {
        object? found = list switch
        {
            AutomationAppsList => FindApp(value) is { Unattended: true } app ? app : null,
            DeveloperToolsList => FindApp(value) is { Unattended: false } tool ? tool : null,
            ScriptingUserAgentsList => MatchUserAgent(value),
            _ => null,
        };
        entry = found?.ToString() ?? string.Empty;
        return found is not null;
    }

    private static ClassificationData LoadBuiltIn()
    {
        // The unit tests read the shipped files; an error here means a broken build, not bad user input.
        return new ClassificationData(
            Resource(AutomationAppsFile, AutomationAppReader.Read),
            Resource(UserAgentsFile, UserAgentPatternReader.Read),
            Resource(RulesFile, CauseRuleReader.Read));
    }

    private static T Resource<T>(string file, Func<Stream, string, T> read)
    {
        using var stream = typeof(ClassificationData).Assembly.GetManifestResourceStream("EntraStrongAuth.Core.Data." + file)
            ?? throw new InvalidOperationException("The built-in data file " + file + " is missing from EntraStrongAuth.Core.");
        return read(stream, file);
    }
}
