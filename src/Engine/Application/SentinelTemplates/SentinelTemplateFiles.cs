using System;
using System.IO;
using System.Text;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Core.Workspace.Alerts;

namespace EntraStrongAuth.Engine.Application.SentinelTemplates;

/// <summary>The two template formats Get-StrongAuthKql -AsSentinelTemplate writes.</summary>
public enum SentinelTemplateFormat
{
    /// <summary>The Azure-Sentinel repository's analytics-rule YAML.</summary>
    Yaml,

    /// <summary>An ARM deployment template of the rule.</summary>
    Arm,
}

/// <summary>
/// One rule's template as a file: its name (the catalog entry's name and the format's extension) and text, and writing it
/// into a folder (created when missing), UTF-8 without a BOM and LF line ends, refusing to replace a file unless told to.
/// </summary>
public static class SentinelTemplateFiles
{
    public static string FileName(string entryName, SentinelTemplateFormat format) =>
        (entryName ?? throw new ArgumentNullException(nameof(entryName))) + (format == SentinelTemplateFormat.Yaml ? ".yaml" : ".json");

    public static string Render(SentinelAlertRule rule, SentinelTemplateFormat format)
    {
        var problems = SentinelRuleConstraints.Problems(rule);
        if (problems.Count > 0)
        {
            // The module's own rules are tested against these limits; a failure here is a defect, not bad input.
            throw new InvalidOperationException("The rule '" + rule.DisplayName + "' breaks Sentinel's template limits: " + string.Join(" ", problems));
        }

        return format == SentinelTemplateFormat.Yaml ? SentinelYamlWriter.Write(rule) : SentinelArmTemplateWriter.Write(rule);
    }

    /// <summary>Writes the text to <paramref name="path"/>; an existing file is replaced only with <paramref name="overwrite"/>.</summary>
    /// <exception cref="EntraStrongAuthException">OutFileExists: the file exists and <paramref name="overwrite"/> is false.</exception>
    public static FileInfo Write(string path, string text, bool overwrite)
    {
        if (File.Exists(path) && !overwrite)
        {
            throw new EntraStrongAuthException(ErrorIds.OutFileExists, FailureKind.InvalidArgument, "'" + path + "' already exists.", "Pass -Force to replace it, or another -OutputPath.");
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return new FileInfo(path);
    }
}
