using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using EntraStrongAuth.Core.Json;

namespace EntraStrongAuth.Core.Classification;

/// <summary>
/// Combines user classification files with the built-in tables. Each file is recognised by its content (the array
/// it holds: <c>apps</c>, <c>patterns</c>, or <c>causes</c>/<c>rules</c>), not its name, and read by the same reader
/// as the embedded file of that kind.
/// <list type="bullet">
/// <item>automation apps: added to the built-in list; an app id the built-in list has is replaced by the user's entry
/// (so a user can mark a built-in tool interactive, or add their own automation app);</item>
/// <item>scripting user agents: added in front of the built-in patterns (tried first); a pattern with the same match
/// and value as a built-in one replaces it;</item>
/// <item>cause rules: the user's file replaces the whole rule table. Rules are tried in order and later rules lean on
/// earlier ones, so merging two rule lists would silently change what both mean; the user's file is a complete,
/// edited copy of cause-rules.json.</item>
/// </list>
/// </summary>
public static class UserClassificationData
{
    /// <summary>Reads <paramref name="files"/> (later files win over earlier ones) and combines them with <paramref name="baseData"/>.</summary>
    /// <exception cref="ClassificationDataException">A file is not JSON, holds none of the known tables, or has a bad entry.</exception>
    /// <exception cref="IOException">A file cannot be read.</exception>
    public static ClassificationData Combine(ClassificationData baseData, IEnumerable<string> files)
    {
        if (baseData is null)
        {
            throw new ArgumentNullException(nameof(baseData));
        }

        if (files is null)
        {
            throw new ArgumentNullException(nameof(files));
        }

        var apps = new List<AutomationApp>();
        var patterns = new List<UserAgentPattern>();
        CauseRuleSet? rules = null;
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            switch (KindOf(bytes, file))
            {
                case ClassificationData.AutomationAppsFile:
                    apps.AddRange(AutomationAppReader.Read(new MemoryStream(bytes, writable: false), file));
                    break;
                case ClassificationData.UserAgentsFile:
                    patterns.AddRange(UserAgentPatternReader.Read(new MemoryStream(bytes, writable: false), file));
                    break;
                default:
                    if (rules is not null)
                    {
                        throw new ClassificationDataException(file + ": a second cause-rules file (the first was " + rules.Source + "). A cause-rules file replaces the whole rule table, so only one can be used.");
                    }

                    rules = CauseRuleReader.Read(new MemoryStream(bytes, writable: false), file);
                    break;
            }
        }

        return baseData.With(
            apps.Count == 0 ? null : MergeApps(baseData.AutomationApps, apps),
            patterns.Count == 0 ? null : MergePatterns(baseData.ScriptingUserAgents, patterns),
            rules);
    }

    /// <summary>User entries win by app id; the rest of the built-in list keeps its order.</summary>
    private static List<AutomationApp> MergeApps(IReadOnlyList<AutomationApp> builtIn, List<AutomationApp> user)
    {
        var byId = new Dictionary<string, AutomationApp>(StringComparer.OrdinalIgnoreCase);
        foreach (var app in user)
        {
            byId[app.AppId] = app;
        }

        return builtIn.Where(a => !byId.ContainsKey(a.AppId)).Concat(byId.Values).ToList();
    }

    /// <summary>User patterns first (the first matching pattern names the client), without built-in duplicates.</summary>
    private static List<UserAgentPattern> MergePatterns(IReadOnlyList<UserAgentPattern> builtIn, List<UserAgentPattern> user)
    {
        static string Key(UserAgentPattern p) => p.Match + "\n" + p.Value.ToUpperInvariant();
        var userKeys = new HashSet<string>(user.Select(Key), StringComparer.Ordinal);
        var merged = new List<UserAgentPattern>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pattern in Enumerable.Reverse(user))
        {
            // Later files win: of the same pattern defined twice, the later definition is kept.
            if (seen.Add(Key(pattern)))
            {
                merged.Insert(0, pattern);
            }
        }

        merged.AddRange(builtIn.Where(p => !userKeys.Contains(Key(p))));
        return merged;
    }

    /// <summary>Which table the file holds, from its top-level arrays; the reader then checks the rest.</summary>
    private static string KindOf(byte[] bytes, string file)
    {
        XElement root;
        try
        {
            root = JsonXml.Load(new MemoryStream(bytes, writable: false));
        }
        catch (XmlException ex)
        {
            throw new ClassificationDataException(file + ": not valid JSON (" + ex.Message + "). Expected an automation-apps, scripting-user-agents or cause-rules file.", ex);
        }

        if (root.Element("apps") is not null)
        {
            return ClassificationData.AutomationAppsFile;
        }

        if (root.Element("patterns") is not null)
        {
            return ClassificationData.UserAgentsFile;
        }

        if (root.Element("rules") is not null || root.Element("causes") is not null)
        {
            return ClassificationData.RulesFile;
        }

        throw new ClassificationDataException(file + ": holds none of the classification tables: expected {\"apps\": [ … ]} (automation apps), {\"patterns\": [ … ]} (scripting user agents) or {\"causes\": [ … ], \"rules\": [ … ]} (cause rules).");
    }
}
