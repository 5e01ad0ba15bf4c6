using System;
using System.Collections.Generic;
using System.IO;

namespace EntraStrongAuth.Core.Classification;

/// <summary>Reads automation-apps.json: <c>{"schemaVersion": 1, "apps": [{"appId", "name", "kind", "unattended"}]}</c>.</summary>
public static class AutomationAppReader
{
    public static IReadOnlyList<AutomationApp> Read(Stream json, string source)
    {
        var (file, problems) = DataItemProblems.Open(json, source, "{\"schemaVersion\": 1, \"apps\": [ … ]}");
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var apps = problems.ReadItems(file.Array("apps", "automation apps"), "app", (fields, item) =>
        {
            var rawId = item.Id = fields.RequiredString("appId");
            var name = fields.RequiredString("name");
            var kind = fields.RequiredString("kind");
            var unattended = fields.OptionalBoolean("unattended");
            // Only when missing: a value of the wrong type is already reported by OptionalBoolean.
            if (unattended is null && fields.Element("unattended") is null)
            {
                fields.Fail("unattended", "expected true (run from scripts) or false (an interactive tool)");
            }

            // Graph writes appId as a lower-case GUID; anything else would never match a sign-in.
            Guid id = default;
            if (rawId is not null && !Guid.TryParseExact(rawId, "D", out id))
            {
                fields.Fail("appId", "expected a GUID such as 04b07795-8ddb-461a-bbee-02f9e1bf7b46");
            }
            else if (rawId is not null && !seen.Add(rawId))
            {
                fields.Fail("appId", "expected each app id once; this one is listed before");
            }

            return fields.IsValid && name is not null && kind is not null && unattended is not null
                ? new AutomationApp(id.ToString("D"), name, kind, unattended.Value)
                : null;
        });

        problems.ThrowIfAny();
        return apps;
    }
}
