using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using EntraStrongAuth.GraphSimulator.LogAnalytics.Data;
using EntraStrongAuth.SignInGenerator.Generation;
using EntraStrongAuth.SignInGenerator.Output;

namespace EntraStrongAuth.GraphSimulator;

/// <summary>
/// One sign-in as served: its exact Graph JSON (UTF-8 bytes, one object) and the fields the $filter subset reads,
/// extracted once at load.
/// </summary>
public sealed class SimSignIn
{
    internal SimSignIn(ReadOnlyMemory<byte> json, string id, DateTimeOffset created, string? userPrincipalName, string? userId,
        string? appId, string? userAgent, int errorCode, IReadOnlyList<string> eventTypes, string? servicePrincipalId = null, string? correlationId = null)
    {
        CorrelationId = correlationId;
        ServicePrincipalId = servicePrincipalId;
        Json = json;
        Id = id;
        CreatedDateTime = created;
        UserPrincipalName = userPrincipalName;
        UserId = userId;
        AppId = appId;
        UserAgent = userAgent;
        ErrorCode = errorCode;
        SignInEventTypes = eventTypes;
    }

    /// <summary>The signIn object exactly as stored (beta shape, all properties).</summary>
    public ReadOnlyMemory<byte> Json { get; }

    public string Id { get; }

    public DateTimeOffset CreatedDateTime { get; }

    public string? UserPrincipalName { get; }

    public string? UserId { get; }

    public string? AppId { get; }

    public string? UserAgent { get; }

    public string? CorrelationId { get; }

    /// <summary>The workload identity of a servicePrincipal / managedIdentity sign-in.</summary>
    public string? ServicePrincipalId { get; }

    /// <summary>status/errorCode (0 = success).</summary>
    public int ErrorCode { get; }

    /// <summary>signInEventTypes; a record without the property counts as interactiveUser when isInteractive is true.</summary>
    public IReadOnlyList<string> SignInEventTypes { get; }

    public bool IsInteractiveUser => SignInEventTypes.Contains("interactiveUser", StringComparer.OrdinalIgnoreCase);
}

/// <summary>The data one simulator serves: sign-ins newest first (ties by id), plus the tenant's identity.</summary>
public sealed class SimTenant
{
    private SimTenant(string tenantId, string displayName, string domain, IReadOnlyList<SimSignIn> signIns, IReadOnlySet<string> properties,
        SimDirectory directory, Func<LogAnalyticsWorkspace> workspace)
    {
        this.workspace = new Lazy<LogAnalyticsWorkspace>(workspace, LazyThreadSafetyMode.ExecutionAndPublication);
        Directory = directory;
        TenantId = tenantId;
        DisplayName = displayName;
        Domain = domain;
        SignIns = signIns;
        PropertyNames = properties;
    }

    public string TenantId { get; }

    public string DisplayName { get; }

    public string Domain { get; }

    /// <summary>Every stored sign-in, newest first by createdDateTime, ties by id (ordinal).</summary>
    public IReadOnlyList<SimSignIn> SignIns { get; }

    /// <summary>Methods, registration report, policies and groups (empty when the sign-ins came from a file).</summary>
    public SimDirectory Directory { get; }

    private readonly Lazy<LogAnalyticsWorkspace> workspace;

    /// <summary>
    /// The same sign-ins as Log Analytics tables (from a file: each signIn mapped by property name). Built on first use
    /// by running the seeded generator again (same seed, same sign-ins), so a Graph-only run pays neither the time nor
    /// the memory; <see cref="LogAnalytics.LogAnalyticsOptions.Preload"/> builds it at start.
    /// </summary>
    public LogAnalyticsWorkspace LogAnalytics => workspace.Value;

    /// <summary>Top-level property names seen in the data: what $select accepts.</summary>
    public IReadOnlySet<string> PropertyNames { get; }

    /// <summary>Loads or generates the data of <paramref name="source"/>.</summary>
    public static SimTenant Load(SimDataSource source, string? tenantId = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.SignInsFile is { } file ? FromFile(file, tenantId) : Generate(source, tenantId);
    }

    private static SimTenant Generate(SimDataSource source, string? tenantId)
    {
        var end = source.End ?? EntraStrongAuth.SignInGenerator.Cli.GeneratorOptions.DefaultEnd;
        var stream = new SignInStream(source.Seed, source.Users, end, source.Days, source.Activity);
        var buffer = new ArrayBufferWriter<byte>(8192);
        var records = new List<SimSignIn>();
        var properties = new HashSet<string>(StringComparer.Ordinal);
        foreach (var signIn in stream.NewestFirst(source.Days))
        {
            buffer.ResetWrittenCount();
            using (var writer = new Utf8JsonWriter(buffer, SignInWriter.CompactJson))
            {
                GraphJson.WriteSignIn(writer, signIn);
            }

            records.Add(Index(buffer.WrittenSpan.ToArray(), properties));
        }

        return new SimTenant(tenantId ?? stream.Tenant.Id, stream.Tenant.DisplayName, stream.Tenant.Domain, Sort(records), properties,
            SimDirectory.Generate(source.Seed, stream.Tenant, stream.Users), () => BuildWorkspace(source));
    }

    private static LogAnalyticsWorkspace BuildWorkspace(SimDataSource source)
    {
        var stream = new SignInStream(source.Seed, source.Users, source.End ?? EntraStrongAuth.SignInGenerator.Cli.GeneratorOptions.DefaultEnd, source.Days, source.Activity);
        var builder = new WorkspaceBuilder(stream.Tenant);
        foreach (var signIn in stream.NewestFirst(source.Days))
        {
            builder.Add(signIn);
        }

        return builder.Build();
    }

    private static SimTenant FromFile(string path, string? tenantId)
    {
        byte[] bytes = File.ReadAllBytes(path);
        var records = new List<SimSignIn>();
        var properties = new HashSet<string>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowMultipleValues = true, CommentHandling = JsonCommentHandling.Skip });
        while (reader.Read())
        {
            using var document = JsonDocument.ParseValue(ref reader);
            Collect(document.RootElement, records, properties);
        }

        var sorted = Sort(records);
        return new SimTenant(tenantId ?? "00000000-0000-0000-0000-000000000000", "Contoso", "contoso.com", sorted, properties, SimDirectory.Empty,
            () => GraphJsonRows.Build(sorted));
    }

    private static void Collect(JsonElement element, List<SimSignIn> records, HashSet<string> properties)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, records, properties);
                }

                break;
            case JsonValueKind.Object when element.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Array:
                Collect(value, records, properties);
                break;
            case JsonValueKind.Object:
                records.Add(Index(JsonSerializer.SerializeToUtf8Bytes(element), properties));
                break;
            default:
                throw new InvalidDataException($"Expected signIn objects, arrays or Graph pages, found {element.ValueKind}.");
        }
    }

    internal static SimSignIn Index(byte[] json, HashSet<string> properties)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        foreach (var property in root.EnumerateObject())
        {
            properties.Add(property.Name);
        }

        string id = String(root, "id") ?? throw new InvalidDataException("A signIn without id.");
        var created = DateTimeOffset.Parse(String(root, "createdDateTime") ?? throw new InvalidDataException($"signIn {id} has no createdDateTime."),
            CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
        int errorCode = root.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.Object
            && status.TryGetProperty("errorCode", out var code) && code.ValueKind == JsonValueKind.Number ? code.GetInt32() : 0;
        IReadOnlyList<string> types;
        if (root.TryGetProperty("signInEventTypes", out var typesElement) && typesElement.ValueKind == JsonValueKind.Array)
        {
            types = typesElement.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!).ToArray();
        }
        else
        {
            bool interactive = !root.TryGetProperty("isInteractive", out var flag) || flag.ValueKind != JsonValueKind.False;
            types = new[] { interactive ? "interactiveUser" : "nonInteractiveUser" };
        }

        return new SimSignIn(json, id, created, String(root, "userPrincipalName"), String(root, "userId"), String(root, "appId"),
            String(root, "userAgent"), errorCode, types, String(root, "servicePrincipalId"), String(root, "correlationId"));
    }

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static SimSignIn[] Sort(List<SimSignIn> records)
    {
        var array = records.ToArray();
        Array.Sort(array, static (a, b) =>
        {
            int byTime = b.CreatedDateTime.CompareTo(a.CreatedDateTime);
            return byTime != 0 ? byTime : string.CompareOrdinal(a.Id, b.Id);
        });
        return array;
    }
}
