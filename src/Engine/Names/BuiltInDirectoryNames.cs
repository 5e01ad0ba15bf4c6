using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.Names;

namespace EntraStrongAuth.Engine.Names;

/// <summary>
/// The names known without asking the tenant: Microsoft Entra's built-in directory roles (their template ids are the
/// same in every tenant), Microsoft's first-party applications and the client tools of the classification data. What
/// offline runs name, and what a live run does not need to look up.
/// </summary>
public static class BuiltInDirectoryNames
{
    private static readonly Lazy<DirectoryNames> Names = new(Load);

    public static DirectoryNames All => Names.Value;

    private static DirectoryNames Load()
    {
        var roles = Read("built-in-roles.json", "roles", "templateId");
        var apps = Read("first-party-apps.json", "apps", "appId")
            .Concat(ClassificationData.BuiltIn.AutomationApps.Select(a => new KeyValuePair<string, string>(a.AppId, a.Name)));
        return new DirectoryNames(null, apps, roles);
    }

    private static List<KeyValuePair<string, string>> Read(string file, string list, string idProperty)
    {
        using var stream = typeof(BuiltInDirectoryNames).Assembly.GetManifestResourceStream("EntraStrongAuth.Engine.Names." + file)
            ?? throw new InvalidOperationException("The module is incomplete: the embedded " + file + " is missing.");
        using var reader = new StreamReader(stream);
        using var document = JsonDocument.Parse(reader.ReadToEnd());
        return document.RootElement.GetProperty(list).EnumerateArray()
            .Select(item => new KeyValuePair<string, string>(item.GetProperty(idProperty).GetString()!, item.GetProperty("displayName").GetString()!))
            .ToList();
    }
}
