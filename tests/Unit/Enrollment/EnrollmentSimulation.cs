using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using EntraStrongAuth.Engine.Retrieval;
using EntraStrongAuth.GraphSimulator;
using EntraStrongAuth.SignInGenerator.Generation;
using EntraStrongAuth.SignInGenerator.TenantAuth;
using EntraStrongAuth.Tests.Retrieval;

namespace EntraStrongAuth.Tests.Enrollment;

/// <summary>What the enrollment tests share: collected warnings, fast retries, and the generator's own view of the simulated tenant.</summary>
internal static class EnrollmentSimulation
{
    // More attempts than the sign-in tests: the throttling test makes some inner requests wait several rounds.
    public static RetrievalOptions Options(int pageSize = 25) => SimulatedGraph.FastRetries(pageSize, maxAttempts: 20);

    public static (RetrievalEvents Events, List<string> Warnings) Events() => CollectedWarnings.Events();

    /// <summary>The tenant-auth data the simulator's directory was rendered from (same seed, users and window).</summary>
    public static TenantAuthData Intended(SimulatedGraph graph)
    {
        var source = graph.Host.Options.Data;
        var end = source.End ?? EntraStrongAuth.SignInGenerator.Cli.GeneratorOptions.DefaultEnd;
        var stream = new SignInStream(source.Seed, source.Users, end, source.Days, source.Activity);
        return TenantAuthBuilder.Build(source.Seed, stream.Tenant, stream.Users);
    }

    public static string Id(JsonElement item) => item.GetProperty("id").GetString()!;

    public static string Upn(JsonElement item) => item.GetProperty("userPrincipalName").GetString()!;
}
