using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Names;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Core.Retrieval;
using EntraStrongAuth.Engine.Connection;
using EntraStrongAuth.Engine.Enrollment;
using EntraStrongAuth.Engine.Retrieval;

namespace EntraStrongAuth.Engine.Names;

/// <summary>
/// Names the directory ids a command shows, live, in as few requests as Graph allows: object ids (users, groups,
/// service principals) in one <c>directoryObjects/getByIds</c> per 1000, appIds through
/// <c>servicePrincipals?$filter=appId in (…)</c> (15 values a filter) and unknown role ids through roleDefinitions,
/// those packed 20 to a <c>$batch</c>. Not for concurrent use: a command asks from one task. Built-in roles and first-party apps are named without a request. Each id is
/// asked for once per resolver (a command keeps one for its run), found or not. A lookup that fails never fails the
/// command: its ids stay ids, and one warning says which permission would name them.
/// </summary>
public sealed class DirectoryNameResolver
{
    /// <summary>"in" takes at most 15 values in a Graph filter clause (filter-query-parameter, known limitations).</summary>
    public const int MaxInValues = 15;

    public const string ApplicationPermission = "Application.Read.All";
    public const string RolePermission = "RoleManagement.Read.Directory";

    internal const string ServicePrincipalsPath = "/servicePrincipals?$filter={0}&$select=appId,displayName";
    internal const string RoleDefinitionPath = "/roleManagement/directory/roleDefinitions/{0}?$select=id,displayName";

    private readonly GraphReadContext _context;
    private readonly Dictionary<string, string> _objects = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _apps = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _roles = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _asked = new(StringComparer.OrdinalIgnoreCase);
    private bool _warned;

    public DirectoryNameResolver(GraphConnection connection, RetrievalOptions? options = null)
        : this(GraphReadContext.From(connection, options))
    {
    }

    internal DirectoryNameResolver(GraphReadContext context)
    {
        _context = context ?? throw new ArgumentNullException(nameof(context));
    }

    /// <summary>HTTP requests made so far (getByIds POSTs and $batch envelopes, retries included).</summary>
    public int Requests { get; private set; }

    /// <summary>The names of the given ids that Graph (or the built-in tables) knows, plus every name found before.</summary>
    public async Task<DirectoryNames> ResolveAsync(IEnumerable<string> objectIds, IEnumerable<string> appIds, IEnumerable<string> roleIds, RetrievalEvents? events, CancellationToken cancellationToken)
    {
        events ??= new RetrievalEvents();
        var builtIn = BuiltInDirectoryNames.All;
        var objects = New("object:", objectIds, _ => true);
        var apps = New("app:", appIds, id => builtIn.AppName(id) is null);
        var roles = New("role:", roleIds, id => builtIn.RoleName(id) is null);
        if (objects.Count > 0)
        {
            await ReadObjectsAsync(objects, events, cancellationToken).ConfigureAwait(false);
        }

        if (apps.Count + roles.Count > 0)
        {
            await ReadAppsAndRolesAsync(apps, roles, events, cancellationToken).ConfigureAwait(false);
        }

        return new DirectoryNames(_objects, _apps, _roles).Merge(builtIn);
    }

    // The GUID-shaped ids not asked for yet; keywords such as All or Office365 are not directory ids.
    private List<string> New(string kind, IEnumerable<string> ids, Func<string, bool> needed)
    {
        var list = ids.Where(id => Guid.TryParse(id, out _)).Select(id => id.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Where(needed).Where(id => _asked.Add(kind + id)).ToList();
        return list;
    }

    private async Task ReadObjectsAsync(List<string> ids, RetrievalEvents events, CancellationToken cancellationToken)
    {
        var client = new GetByIdsClient(_context, events);
        try
        {
            foreach (var pair in await client.NamesAsync(ids, cancellationToken).ConfigureAwait(false))
            {
                _objects[pair.Key] = pair.Value;
            }
        }
        catch (EntraStrongAuthException ex)
        {
            await UnnamedAsync(ids.Count, "users, groups and service principals", ex.Message, GetByIdsClient.RequiredPermission, events).ConfigureAwait(false);
        }
        finally
        {
            Requests += client.Requests;
        }
    }

    private async Task ReadAppsAndRolesAsync(List<string> apps, List<string> roles, RetrievalEvents events, CancellationToken cancellationToken)
    {
        var urls = new List<string>();
        for (var start = 0; start < apps.Count; start += MaxInValues)
        {
            var filter = "appId in (" + string.Join(",", apps.Skip(start).Take(MaxInValues).Select(ODataFilter.Quote)) + ")";
            urls.Add(string.Format(CultureInfo.InvariantCulture, ServicePrincipalsPath, Uri.EscapeDataString(filter)));
        }

        var appUrls = urls.Count;
        urls.AddRange(roles.Select(role => string.Format(CultureInfo.InvariantCulture, RoleDefinitionPath, Uri.EscapeDataString(role))));
        var sender = new GraphBatchSender(_context, events, ApplicationPermission);
        IReadOnlyList<BatchAnswer> answers;
        try
        {
            answers = await sender.SendAsync(urls, cancellationToken).ConfigureAwait(false);
        }
        catch (EntraStrongAuthException ex)
        {
            await UnnamedAsync(apps.Count + roles.Count, "applications and roles", ex.Message, ApplicationPermission + " and " + RolePermission, events).ConfigureAwait(false);
            return;
        }
        finally
        {
            Requests += sender.Posts;
        }

        for (var index = 0; index < answers.Count; index++)
        {
            var isApp = index < appUrls;
            var answer = answers[index];
            if (answer.IsSuccess)
            {
                Take(answer.Body, isApp);
            }
            else if (answer.Status == 403)
            {
                var error = GraphErrorBody.From(answer.Body);
                await UnnamedAsync(isApp ? Math.Min(MaxInValues, apps.Count - (index * MaxInValues)) : 1, isApp ? "applications" : "directory roles",
                    "Graph answered 403 (" + error.Code + "): " + error.Message, isApp ? ApplicationPermission : RolePermission, events).ConfigureAwait(false);
            }
            else if (answer.Status != 404)
            {
                await events.VerboseAsync("A directory name lookup got " + answer + " (" + urls[index] + "); those ids are shown as ids.").ConfigureAwait(false);
            }
        }
    }

    private void Take(JsonElement body, bool isApp)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var items = isApp && body.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToArray() : new[] { body };
        foreach (var item in items)
        {
            var id = Text(item, isApp ? "appId" : "id");
            if (id is not null && Text(item, "displayName") is { } name)
            {
                (isApp ? _apps : _roles)[id] = name;
            }
        }
    }

    // One warning per run however many lookups fail: the ids are still shown, only their names are missing.
    private async Task UnnamedAsync(int count, string what, string reason, string permission, RetrievalEvents events)
    {
        var text = "The names of " + count.ToString(CultureInfo.InvariantCulture) + " " + what + " could not be read (" + reason + "); they are shown by id. Grant " + permission + " to see their names.";
        if (_warned)
        {
            await events.VerboseAsync(text).ConfigureAwait(false);
            return;
        }

        _warned = true;
        await events.WarningAsync(text).ConfigureAwait(false);
    }

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
