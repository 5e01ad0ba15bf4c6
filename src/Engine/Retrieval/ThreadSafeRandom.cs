using System;
using System.Threading;

namespace EntraStrongAuth.Engine.Retrieval;

/// <summary>System.Random per thread (Random.Shared does not exist on netstandard2.0).</summary>
internal static class ThreadSafeRandom
{
    private static int _seed = Environment.TickCount;

    private static readonly ThreadLocal<Random> Local = new(() => new Random(Interlocked.Increment(ref _seed)));

    public static double NextDouble() => Local.Value!.NextDouble();
}
