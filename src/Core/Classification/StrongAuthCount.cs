namespace EntraStrongAuth.Core.Classification;

/// <summary>One row of a <see cref="StrongAuthSummary"/> breakdown: failures of one cause, code, user or app, by outcome.</summary>
public sealed class StrongAuthCount
{
    internal StrongAuthCount(string key, string? name)
    {
        Key = key;
        Name = name;
    }

    /// <summary>The cause name, the code, the user (UPN in lower case, or id) or the app id.</summary>
    public string Key { get; }

    /// <summary>A display name where the key is an id: the code's name, the UPN as logged, the app's display name.</summary>
    public string? Name { get; }

    public int Count { get; private set; }

    public int Resolved { get; private set; }

    public int Unresolved { get; private set; }

    public int Pending { get; private set; }

    /// <summary>A snapshot, so a built summary does not change as the builder goes on counting.</summary>
    internal StrongAuthCount Copy() => new(Key, Name) { Count = Count, Resolved = Resolved, Unresolved = Unresolved, Pending = Pending };

    internal void Add(ResolutionState state)
    {
        Count++;
        switch (state)
        {
            case ResolutionState.Resolved:
                Resolved++;
                break;
            case ResolutionState.Pending:
                Pending++;
                break;
            default:
                Unresolved++;
                break;
        }
    }

    /// <summary>"Name (id): n (…)" where a name was read beside the key (apps, codes), so ids never stand alone.</summary>
    public override string ToString() => (string.IsNullOrEmpty(Name) || string.Equals(Name, Key, System.StringComparison.OrdinalIgnoreCase) ? Key : Name + " (" + Key + ")") + ": " + Count + " (" + Resolved + " resolved, " + Unresolved + " unresolved, " + Pending + " pending)";
}
