using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Core.Names;
using EntraStrongAuth.Core.Policies;
using EntraStrongAuth.Core.Strength;
using EntraStrongAuth.Engine.Names;

namespace EntraStrongAuth.Engine.Policies;

/// <summary>What one saved file held: strengths, Conditional Access policies, and the records that could not be read.</summary>
public sealed class PolicyFileContent
{
    internal PolicyFileContent(string path, IReadOnlyList<AuthenticationStrength> strengths, IReadOnlyList<StrongAuthPolicy> policies, IReadOnlyList<PolicyReadProblem> problems)
    {
        Path = path;
        Strengths = strengths;
        Policies = policies;
        Problems = problems;
    }

    public string Path { get; }

    public IReadOnlyList<AuthenticationStrength> Strengths { get; }

    public IReadOnlyList<StrongAuthPolicy> Policies { get; }

    public IReadOnlyList<PolicyReadProblem> Problems { get; }

    /// <summary>Names of users, groups, apps and roles found in the file (saved directory objects beside the policies).</summary>
    public DirectoryNames Names { get; init; } = DirectoryNames.None;
}

/// <summary>
/// Reads saved Graph JSON for offline use: a page (<c>{"value":[…]}</c>, as Graph returns it or Graph Explorer saves it),
/// an array of records (<c>ConvertTo-Json</c> of Graph PowerShell objects), or one record. Each record is recognised
/// by content: a strength has allowedCombinations, a Conditional Access policy has conditions or grantControls, a
/// directory object (user, group, service principal, role) gives the name of an id the policies target. A file may
/// hold all of them. Problems are reported, never thrown.
/// </summary>
public static class PolicyFileReader
{
    public const string FileUnreadable = ErrorIds.PolicyFileUnreadable;
    public const string RecordUnrecognized = ErrorIds.PolicyRecordUnrecognized;

    public static PolicyFileContent Read(string path)
    {
        var strengths = new List<AuthenticationStrength>();
        var policies = new List<StrongAuthPolicy>();
        var problems = new List<PolicyReadProblem>();
        var names = new DirectoryObjectJson();
        JsonDocument document;
        try
        {
            using var stream = File.OpenRead(path);
            document = JsonDocument.Parse(stream, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            problems.Add(new PolicyReadProblem(FileUnreadable, path, ex is JsonException ? "not JSON: " + ex.Message : ex.Message));
            return new PolicyFileContent(path, strengths, policies, problems);
        }

        using (document)
        {
            var records = Records(document.RootElement);
            if (records is null)
            {
                problems.Add(new PolicyReadProblem(FileUnreadable, path, "expected a Graph page {\"value\": [ … ]}, an array of policies or strengths, or one of them."));
                return new PolicyFileContent(path, strengths, policies, problems);
            }

            var pageType = DirectoryObjectJson.PageTypeOf(document.RootElement);
            for (var index = 0; index < records.Count; index++)
            {
                var record = records[index];
                if (StrengthJsonParser.IsStrength(record))
                {
                    if (StrengthJsonParser.Parse(record, path, index + 1, problems) is { } strength)
                    {
                        strengths.Add(strength);
                    }
                }
                else if (ConditionalAccessPolicyJsonParser.IsPolicy(record))
                {
                    if (ConditionalAccessPolicyJsonParser.Parse(record, path, index + 1, problems) is { } policy)
                    {
                        policies.Add(policy);
                    }
                }
                else if (!names.TryAdd(record, pageType))
                {
                    problems.Add(new PolicyReadProblem(
                        RecordUnrecognized,
                        path,
                        "neither a Conditional Access policy (conditions, grantControls), an authentication strength (allowedCombinations) nor a named directory object (user, group, service principal, role).",
                        index + 1,
                        record.ValueKind == JsonValueKind.Object && record.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null));
                }
            }
        }

        return new PolicyFileContent(path, strengths, policies, problems) { Names = new DirectoryNames(names.Objects, names.Apps, names.Roles) };
    }

    private static List<JsonElement>? Records(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            return new List<JsonElement>(root.EnumerateArray());
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (PolicyJson.Property(root, "value") is { ValueKind: JsonValueKind.Array } value)
        {
            return new List<JsonElement>(value.EnumerateArray());
        }

        return StrengthJsonParser.IsStrength(root) || ConditionalAccessPolicyJsonParser.IsPolicy(root) || new DirectoryObjectJson().TryAdd(root) ? new List<JsonElement> { root } : null;
    }
}
