using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Enrollment;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Core.Policies;
using EntraStrongAuth.Core.Policies.Scope;
using EntraStrongAuth.Core.Strength;
using EntraStrongAuth.Engine.Policies;

namespace EntraStrongAuth.Engine.Enrollment;

/// <summary>
/// Reads saved Graph JSON for offline answers, with the same parsers as the Graph reads: the registration report (a
/// page <c>{"value":[…]}</c>, several pages one after another, an array of rows, or NDJSON with one row a line), one
/// user's <c>authentication/methods</c> response, and the Authentication methods policy. Problems name the file, the
/// record and the field; they are returned, never thrown.
/// </summary>
public static class EnrollmentFileReader
{
    public const string FileUnreadable = ErrorIds.EnrollmentFileUnreadable;

    /// <summary>Every readable row, handed over in file order; the problems of the file and of the rows that could not be read.</summary>
    public static async Task<IReadOnlyList<PolicyReadProblem>> ReadRegistrationsAsync(string path, Func<UserRegistration, Task> onRow, CancellationToken cancellationToken)
    {
        if (onRow is null)
        {
            throw new ArgumentNullException(nameof(onRow));
        }

        var problems = new List<PolicyReadProblem>();
        var record = 0;
        foreach (var item in Records(path, problems))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (RegistrationJsonParser.Parse(item, path, ++record, problems) is { } row)
            {
                await onRow(row).ConfigureAwait(false);
            }
        }

        return problems;
    }

    /// <summary>
    /// One user's methods from a saved <c>users/{id}/authentication/methods</c> response (or an array of methods). The
    /// response does not name its user, so the caller does; AsOf is the file's last write time, when it was saved.
    /// </summary>
    public static PolicyReadResult<UserMethodsSnapshot> ReadUserMethods(string path, string userId)
    {
        var problems = new List<PolicyReadProblem>();
        var methods = new List<RegisteredMethod>();
        var record = 0;
        foreach (var item in Records(path, problems))
        {
            if (MethodJsonParser.Parse(item, path, ++record, problems) is { } method)
            {
                methods.Add(method);
            }
        }

        if (problems.Exists(p => p.ErrorId == FileUnreadable))
        {
            return new PolicyReadResult<UserMethodsSnapshot>(Array.Empty<UserMethodsSnapshot>(), problems);
        }

        var snapshot = new UserMethodsSnapshot(userId, methods, MethodsSource.File, new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero));
        return new PolicyReadResult<UserMethodsSnapshot>(new[] { snapshot }, problems);
    }

    /// <summary>The policy from a saved <c>policies/authenticationMethodsPolicy</c> response; Unknown (every method assumed enabled) with a problem when unreadable.</summary>
    public static MethodsPolicyRead ReadMethodsPolicy(string path)
    {
        var problems = new List<PolicyReadProblem>();
        if (Load(path, problems) is not { } document)
        {
            return new MethodsPolicyRead(TenantMethodsPolicy.Unknown, GroupMembership.Empty, problems);
        }

        using (document)
        {
            return new MethodsPolicyRead(MethodsPolicyJsonParser.Parse(document.RootElement, path, problems), GroupMembership.Empty, problems);
        }
    }

    /// <summary>Group and directory role member lists from saved <c>groups?$expand=members</c> or <c>directoryRoles?$expand=members</c> answers, into <paramref name="builder"/>.</summary>
    public static IReadOnlyList<PolicyReadProblem> ReadDirectoryMembers(string path, DirectoryMembershipBuilder builder)
    {
        var problems = new List<PolicyReadProblem>();
        var record = 0;
        foreach (var item in Records(path, problems))
        {
            DirectoryMembersJsonParser.Parse(item, path, ++record, builder, problems);
        }

        return problems;
    }

    // Each top-level value of the file: a page's value items, an array's items, or one object (NDJSON: one a line).
    internal static List<JsonElement> Records(string path, List<PolicyReadProblem> problems)
    {
        var records = new List<JsonElement>();
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Add(new PolicyReadProblem(FileUnreadable, path, ex.Message));
            return records;
        }

        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowMultipleValues = true, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        try
        {
            while (reader.Read())
            {
                using var document = JsonDocument.ParseValue(ref reader);
                var root = document.RootElement;
                var items = root.ValueKind == JsonValueKind.Array ? root
                    : PolicyJson.Property(root, "value") is { ValueKind: JsonValueKind.Array } value ? value
                    : (JsonElement?)null;
                if (items is { } list)
                {
                    foreach (var item in list.EnumerateArray())
                    {
                        records.Add(item.Clone());
                    }
                }
                else
                {
                    records.Add(root.Clone());
                }
            }
        }
        catch (JsonException ex)
        {
            // The records before the damage are still used; the message says where the file stops making sense.
            problems.Add(new PolicyReadProblem(FileUnreadable, path, "not JSON after record " + records.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + ": " + ex.Message));
        }

        return records;
    }

    private static JsonDocument? Load(string path, List<PolicyReadProblem> problems)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return JsonDocument.Parse(stream, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            problems.Add(new PolicyReadProblem(FileUnreadable, path, ex is JsonException ? "not JSON: " + ex.Message : ex.Message));
            return null;
        }
    }
}
