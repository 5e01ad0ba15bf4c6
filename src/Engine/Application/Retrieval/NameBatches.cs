using System.Collections.Generic;
using System.Linq;

namespace EntraStrongAuth.Engine.Application.Retrieval;

/// <summary>Names sent to Graph as userPrincipalName/userId or-lists, in batches short enough for any URL limit.</summary>
public static class NameBatches
{
    public const int Size = 15;

    public static IEnumerable<string[]> Of(IEnumerable<string> names) => Of(names, Size);

    /// <summary>Batches of <paramref name="size"/> (a reader's <see cref="ISignInQueryReader.MaxNamesPerQuery"/>).</summary>
    public static IEnumerable<string[]> Of(IEnumerable<string> names, int size)
    {
        var all = names.ToArray();
        for (var i = 0; i < all.Length; i += size)
        {
            yield return all.Skip(i).Take(size).ToArray();
        }
    }
}
