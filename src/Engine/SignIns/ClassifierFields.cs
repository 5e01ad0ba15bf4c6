using System.Linq;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Engine.SignIns;

/// <summary>
/// The fields whose value decides a classification (<see cref="SignInFieldEntry.IsReadByClassifier"/>), objects
/// included when a part of them is (status holds the error code), and the arrays of objects the analysis links on:
/// a record naming one of them twice is invalid.
/// </summary>
internal static class ClassifierFields
{
    private static readonly bool[] Read = Build();

    public static bool Contains(SignInField field) => (int)field < Read.Length && Read[(int)field];

    private static bool[] Build()
    {
        var all = SignInFieldRegistry.All;
        var read = new bool[all.Max(e => (int)e.Field) + 1];
        foreach (var entry in all)
        {
            // An array the analysis links on (authenticationDetails: the MFA evidence) is read item by item.
            read[(int)entry.Field] = entry.IsReadByClassifier
                || (entry.Kind == SignInValueKind.ObjectArray && entry.IsLinkField)
                || (entry.Kind == SignInValueKind.Object && entry.GraphPath is { } path && all.Any(part => part.ObjectName == path && part.IsReadByClassifier));
        }

        return read;
    }
}
