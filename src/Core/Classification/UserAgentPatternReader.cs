using System.Collections.Generic;
using System.IO;

namespace EntraStrongAuth.Core.Classification;

/// <summary>Reads scripting-user-agents.json: <c>{"schemaVersion": 1, "patterns": [{"match", "value", "name", "kind"}]}</c>.</summary>
public static class UserAgentPatternReader
{
    public static IReadOnlyList<UserAgentPattern> Read(Stream json, string source)
    {
        var (file, problems) = DataItemProblems.Open(json, source, "{\"schemaVersion\": 1, \"patterns\": [ … ]}");
        var patterns = problems.ReadItems(file.Array("patterns", "user-agent patterns"), "pattern", (fields, _) =>
        {
            var match = fields.RequiredEnum<UserAgentMatch>("match");
            var value = fields.RequiredString("value");
            var name = fields.RequiredString("name");
            var kind = fields.OptionalString("kind");
            return fields.IsValid && match is not null && value is not null && name is not null
                ? new UserAgentPattern(match.Value, value, name, kind)
                : null;
        });

        problems.ThrowIfAny();
        return patterns;
    }
}
