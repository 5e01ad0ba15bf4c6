using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using EntraStrongAuth.Core.Classification;

namespace EntraStrongAuth.Core.Headless;

/// <summary>Reads headless-signals.json (schema in the file's description), reporting every problem at once.</summary>
internal static class HeadlessDataReader
{
    public static (List<HeadlessSignal> Signals, List<HeadlessEnvironment> Environments) Read(Stream json, string source)
    {
        var (file, problems) = DataItemProblems.Open(json, source, "{\"schemaVersion\": 1, \"signals\": [ … ], \"environments\": [ … ]}");
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var signals = problems.ReadItems(file.Array("signals", "headless signals"), "signal", (fields, item) =>
        {
            var key = item.Id = fields.RequiredString("key");
            var points = fields.OptionalNumber("points");
            var minCount = fields.OptionalNumber("minCount");
            var minShare = fields.OptionalNumber("minShare");
            var tolerance = fields.OptionalNumber("tolerance");
            var values = fields.StringArray("values");
            var why = fields.OptionalString("source");
            if (key is not null && !HeadlessSignalKeys.All.Contains(key, StringComparer.OrdinalIgnoreCase))
            {
                fields.Fail("key", "expected one of " + string.Join(", ", HeadlessSignalKeys.All));
            }
            else if (key is not null && !seen.Add(key))
            {
                fields.Fail("key", "expected each signal once; this one is listed before");
            }

            if (points is not { } p || p != Math.Floor(p) || p < -100 || p > 100)
            {
                fields.Fail("points", "expected a whole number from -100 to 100");
            }

            if (minCount is { } c && (c != Math.Floor(c) || c < 0))
            {
                fields.Fail("minCount", "expected a whole number of at least 0");
            }

            CheckShare(fields, "minShare", minShare);
            CheckShare(fields, "tolerance", tolerance);
            return fields.IsValid && key is not null && points is not null
                ? new HeadlessSignal(key, (int)points.Value, why ?? string.Empty)
                {
                    MinCount = (int)(minCount ?? 1),
                    MinShare = minShare ?? 0,
                    Tolerance = tolerance ?? 0.1,
                    Values = values,
                }
                : null;
        });

        var environments = problems.ReadItems(file.Array("environments", "environments"), "environment", (fields, item) =>
        {
            var name = item.Id = fields.RequiredString("name");
            var kind = fields.RequiredEnum<WorkloadIdentityKind>("kind");
            var asns = fields.PositiveIntArray("asns", "expected an array of autonomous system numbers").Select(n => (long)n).ToList();
            var agents = fields.StringArray("userAgentContains");
            return fields.IsValid && name is not null && kind is not null ? new HeadlessEnvironment(name, kind.Value, asns, agents) : null;
        });

        problems.ThrowIfAny();
        return (signals, environments);
    }

    private static void CheckShare(Json.JsonFields fields, string field, double? value)
    {
        if (value is { } v && (v < 0 || v > 1))
        {
            fields.Fail(field, "expected a number from 0 to 1, not " + v.ToString(CultureInfo.InvariantCulture));
        }
    }
}
