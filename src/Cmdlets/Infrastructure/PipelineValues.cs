using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace EntraStrongAuth.Cmdlets.Infrastructure;

/// <summary>Parameter values of type object as the Engine expects them: the objects themselves, not PowerShell's wrappers.</summary>
internal static class PipelineValues
{
    public static IReadOnlyList<object>? Unwrap(IEnumerable<object>? values) =>
        values?.Select(v => v is PSObject wrapped ? wrapped.BaseObject : v).ToList();
}
