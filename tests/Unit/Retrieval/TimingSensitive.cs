using Xunit;

namespace EntraStrongAuth.Tests.Retrieval;

/// <summary>
/// Tests that assert how fast something stops run alone, after the parallel ones: with a dozen simulators and MSAL
/// flows sharing the thread pool, even a 50 ms timer can fire a second late, which says nothing about our code.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingSensitive
{
    public const string Name = "Timing-sensitive";
}
