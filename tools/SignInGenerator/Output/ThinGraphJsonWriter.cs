using System.IO;
using System.Text.Json;

namespace EntraStrongAuth.SignInGenerator.Output;

/// <summary>Which evidence a thin variant of the Graph JSON leaves out: the records real tools and permissions give.</summary>
internal enum ThinShape
{
    /// <summary>Graph v1.0 (Get-MgAuditLogSignIn): the 23 properties of the v1.0 signIn model, CA policies without strength.</summary>
    GraphV1,

    /// <summary>Beta read without Policy.Read.All: appliedConditionalAccessPolicies comes back empty.</summary>
    NoConditionalAccess,

    /// <summary>Exports without the authentication steps (the admin center CSV keeps them in another file).</summary>
    NoAuthenticationDetails,
}

/// <summary>
/// A Graph JSON array with evidence removed as <see cref="ThinShape"/> says: the same tenant as graph-json, so the
/// accuracy test can measure what each kind of thin input costs (recall may drop; High must stay precise).
/// </summary>
internal sealed class ThinGraphJsonWriter : JsonFileWriter
{
    /// <summary>The v1.0 signIn model's properties (msgraph-sdk-dotnet, Models/SignIn.cs).</summary>
    private static readonly HashSet<string> GraphV1Properties = new(StringComparer.Ordinal)
    {
        "appDisplayName", "appId", "appliedConditionalAccessPolicies", "clientAppUsed", "conditionalAccessStatus", "correlationId",
        "createdDateTime", "deviceDetail", "id", "ipAddress", "isInteractive", "location", "resourceDisplayName", "resourceId",
        "riskDetail", "riskEventTypes", "riskEventTypes_v2", "riskLevelAggregated", "riskLevelDuringSignIn", "riskState", "status",
        "userDisplayName", "userId", "userPrincipalName",
    };

    /// <summary>The v1.0 appliedConditionalAccessPolicy: no authenticationStrength, conditions or include/exclude rules.</summary>
    private static readonly HashSet<string> GraphV1PolicyProperties = new(StringComparer.Ordinal)
    {
        "id", "displayName", "enforcedGrantControls", "enforcedSessionControls", "result",
    };

    private readonly ThinShape shape;
    private readonly MemoryStream buffer = new();

    public ThinGraphJsonWriter(string path, ThinShape shape)
        : base(path, CompactJson)
    {
        this.shape = shape;
        Json.WriteStartArray();
    }

    public override void Write(SignIn signIn)
    {
        buffer.SetLength(0);
        using (var full = new Utf8JsonWriter(buffer, CompactJson))
        {
            GraphJson.WriteSignIn(full, signIn);
        }

        using var record = JsonDocument.Parse(buffer.ToArray());
        Json.WriteStartObject();
        foreach (var property in record.RootElement.EnumerateObject())
        {
            WriteProperty(property);
        }

        Json.WriteEndObject();
        FlushIfLarge();
    }

    protected override void Finish()
    {
        Json.WriteEndArray();
        Json.Flush();
    }

    private void WriteProperty(JsonProperty property)
    {
        switch (shape)
        {
            case ThinShape.GraphV1 when !GraphV1Properties.Contains(property.Name):
            case ThinShape.NoAuthenticationDetails when property.Name == "authenticationDetails":
                return;
            case ThinShape.NoConditionalAccess when property.Name == "appliedConditionalAccessPolicies":
                Json.WriteStartArray(property.Name);
                Json.WriteEndArray();
                return;
            case ThinShape.GraphV1 when property.Name == "appliedConditionalAccessPolicies":
                WriteV1Policies(property);
                return;
            default:
                property.WriteTo(Json);
                return;
        }
    }

    private void WriteV1Policies(JsonProperty policies)
    {
        Json.WriteStartArray(policies.Name);
        foreach (var policy in policies.Value.EnumerateArray())
        {
            Json.WriteStartObject();
            foreach (var member in policy.EnumerateObject().Where(m => GraphV1PolicyProperties.Contains(m.Name)))
            {
                member.WriteTo(Json);
            }

            Json.WriteEndObject();
        }

        Json.WriteEndArray();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            buffer.Dispose();
        }

        base.Dispose(disposing);
    }
}
