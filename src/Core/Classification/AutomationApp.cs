namespace EntraStrongAuth.Core.Classification;

/// <summary>A first-party client app whose sign-ins say something about who is signing in (automation-apps.json).</summary>
public sealed class AutomationApp
{
    public AutomationApp(string appId, string name, string kind, bool unattended)
    {
        AppId = appId;
        Name = name;
        Kind = kind;
        Unattended = unattended;
    }

    /// <summary>Lower-case GUID, as Graph writes appId.</summary>
    public string AppId { get; }

    public string Name { get; }

    /// <summary>AzureCli, AzurePowerShell, GraphPowerShell, VisualStudio …; a string so user files may add kinds.</summary>
    public string Kind { get; }

    /// <summary>True for tools routinely run from scripts (a headless signal); false for interactive developer tools.</summary>
    public bool Unattended { get; }

    public override string ToString() => Name + " (" + Kind + ")";
}
