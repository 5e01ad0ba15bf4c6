using System.IO;
using System.Text.Json;
using EntraStrongAuth.SignInGenerator.Personas;

namespace EntraStrongAuth.SignInGenerator.Output;

/// <summary>personas.json: the tenant's story (window, policies, when the Azure MFA policy was enforced) and every
/// persona with its users and the (code, true cause) pairs it produces.</summary>
internal static class PersonasJson
{
    public const string FileName = "personas.json";

    public static void Write(string path, int seed, Tenant tenant, IReadOnlyList<TenantUser> users)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write);
        using var w = new Utf8JsonWriter(stream, SignInWriter.IndentedJson);
        w.WriteStartObject();
        w.WriteNumber("seed", seed);
        w.WriteString("tenantId", tenant.Id);
        w.WriteString("tenantDomain", tenant.Domain);
        w.WriteString("windowStart", Formats.GraphTime(tenant.WindowStart));
        w.WriteString("windowEnd", Formats.GraphTime(tenant.WindowEnd));
        w.WriteString("azureMfaEnforcedFrom", Formats.GraphTime(tenant.AzureMfaEnforcedFrom));
        w.WriteStartArray("conditionalAccessPolicies");
        foreach (var policy in tenant.Policies)
        {
            w.WriteStartObject();
            w.WriteString("id", policy.Id);
            w.WriteString("displayName", policy.DisplayName);
            w.WritePropertyName("grantControls");
            GraphJson.WriteStrings(w, policy.GrantControls);
            w.WriteString("authenticationStrengthId", policy.StrengthId);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("personas");
        foreach (var persona in PersonaDeck.AllHeadless)
        {
            var members = users.Where(u => u.Persona == persona).ToList();
            if (members.Count == 0)
            {
                continue;
            }

            w.WriteStartObject();
            w.WriteString("name", persona.Name);
            w.WriteString("description", persona.Description);
            w.WriteNumber("userCount", members.Count);
            w.WritePropertyName("users");
            GraphJson.WriteStrings(w, members.Select(u => u.UserPrincipalName).ToArray());
            w.WriteStartArray("failures");
            foreach (var failure in persona.Failures)
            {
                w.WriteStartObject();
                w.WriteNumber("errorCode", failure.Code);
                w.WriteString("trueCause", failure.Cause.ToString());
                w.WriteString("why", failure.Why);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }
}
