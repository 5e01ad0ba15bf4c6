using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace EntraStrongAuth.Core.Classification;

/// <summary>Reads scripting-user-agents.json: <c>{"schemaVersion": 1, "patterns": [{"match", "value", "name", "kind"}]}</c>.</summary>
public static class UserAgentPatternReader
{
    public static IReadOnlyList<UserAgentPattern> Read(Stream json, string source)
    {
        var (file, problems) = DataItemProblems.Open(json, source, "{\"schemaVersion\": 1, \"patterns\": [ … ]}");
        var patterns = new List<UserAgentPattern>();
        var number = 0;
        foreach (var item in file.Array("patterns", "user-agent patterns"))
        {
            number++;
            var position = number;
            var fields = problems.Fields(item, () => string.Format(CultureInfo.InvariantCulture, "pattern {0}", position));
            if (fields is null)
            {
                continue;
            }

            var match = fields.RequiredEnum<UserAgentMatch>("match");
            var value = fields.RequiredString("value");
            var name = fields.RequiredString("name");
            var kind = fields.OptionalString("kind");
            if (fields.IsValid && match is not null && value is not null && name is not null)
            {
                patterns.Add(new UserAgentPattern(match.Value, value, name, kind));
            }
        }

        problems.ThrowIfAny();
        return patterns;
    }
}
