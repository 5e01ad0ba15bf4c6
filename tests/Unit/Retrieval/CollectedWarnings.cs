using System.Collections.Generic;
using System.Threading.Tasks;
using EntraStrongAuth.Engine.Retrieval;

namespace EntraStrongAuth.Tests.Retrieval;

/// <summary>Retrieval events whose warnings are kept (thread-safe: slices warn from several tasks) for assertions.</summary>
internal static class CollectedWarnings
{
    public static (RetrievalEvents Events, List<string> Warnings) Events()
    {
        var warnings = new List<string>();
        var events = new RetrievalEvents
        {
            Warning = message =>
            {
                lock (warnings)
                {
                    warnings.Add(message);
                }

                return Task.CompletedTask;
            },
        };
        return (events, warnings);
    }
}
