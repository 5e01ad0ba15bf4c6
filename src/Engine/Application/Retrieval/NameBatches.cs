using System.Collections.Generic;
using System.Linq;

namespace EntraStrongAuth.Engine.Application.Retrieval;

/// <summary>Names sent to Graph as userPrincipalName/userId or-lists, in batches short enough for any URL limit.</summary>
public static class NameBatches
{
    public const int Size = 15;

    public static IEnumerable<string[]> Of(IEnumerable<string> names)
    {
        var all = names.ToArray();
        for (var i = 0; i < all.Length; i += Size)
        {
            yield return all.Skip(i).Take(Size).ToArray();
        }
    }
}
