using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace EntraStrongAuth.Core.Strength;

/// <summary>
/// The tables the strength evaluator works from: the built-in strengths and the method-to-mode mapping. Both are
/// data files embedded in Core, read once; user files override them (docs/DESIGN.md §2): a strength with the same id
/// replaces the built-in one, a method row takes over its keys from the built-in rows (which keep their other keys).
/// </summary>
public sealed class StrengthData
{
    internal const string StrengthsFile = "authentication-strengths.json";
    internal const string MethodModesFile = "method-modes.json";

    private static readonly Lazy<StrengthData> BuiltInData = new(LoadBuiltIn);

    private readonly Dictionary<string, MethodModeEntry> _byKey;

    public StrengthData(IReadOnlyList<AuthenticationStrength> strengths, IReadOnlyList<MethodModeEntry> methodModes)
    {
        Strengths = strengths ?? throw new ArgumentNullException(nameof(strengths));
        MethodModes = methodModes ?? throw new ArgumentNullException(nameof(methodModes));
        _byKey = new Dictionary<string, MethodModeEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in methodModes)
        {
            foreach (var key in entry.Keys)
            {
                // First row wins: the file's order is its preference order.
                if (!_byKey.ContainsKey(key))
                {
                    _byKey[key] = entry;
                }
            }
        }
    }

    public static StrengthData BuiltIn => BuiltInData.Value;

    public IReadOnlyList<AuthenticationStrength> Strengths { get; }

    /// <summary>Rows in preference order (the order suggestions are tried in).</summary>
    public IReadOnlyList<MethodModeEntry> MethodModes { get; }

    /// <summary>A strength by id, or by display name ignoring case; null when none matches.</summary>
    public AuthenticationStrength? FindStrength(string idOrName)
    {
        var text = (idOrName ?? string.Empty).Trim();
        return Strengths.FirstOrDefault(s => string.Equals(s.Id, text, StringComparison.OrdinalIgnoreCase))
            ?? Strengths.FirstOrDefault(s => string.Equals(s.DisplayName, text, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The row for a method key (<c>phoneAuthenticationMethod/mobile</c>, <c>mobilePhone</c> …); null when unknown.</summary>
    public MethodModeEntry? FindMethod(string key) => _byKey.TryGetValue(key, out var entry) ? entry : null;

    /// <summary>
    /// Reads user files (recognised by content: <c>strengths</c> or <c>methods</c>) and lays them over this data.
    /// Later files win over earlier ones.
    /// </summary>
    /// <exception cref="StrengthDataException">A file is not JSON, holds neither table, or has a bad entry.</exception>
    public StrengthData Combine(IEnumerable<string> files)
    {
        if (files is null)
        {
            throw new ArgumentNullException(nameof(files));
        }

        var strengths = Strengths.ToList();
        var methods = MethodModes.ToList();
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text), writable: false);
            if (text.Contains("\"strengths\""))
            {
                foreach (var strength in StrengthDataReader.ReadStrengths(stream, file))
                {
                    strengths.RemoveAll(s => string.Equals(s.Id, strength.Id, StringComparison.OrdinalIgnoreCase));
                    strengths.Add(strength);
                }
            }
            else if (text.Contains("\"methods\""))
            {
                // User rows go first: the first row with a key wins, and earlier rows are preferred as suggestions.
                // Built-in rows stay for the keys the user rows do not name.
                methods = StrengthDataReader.ReadMethodModes(stream, file).Concat(methods).ToList();
            }
            else
            {
                throw new StrengthDataException(file + ": holds neither {\"strengths\": [ … ]} (authentication strengths) nor {\"methods\": [ … ]} (method modes).");
            }
        }

        return new StrengthData(strengths, methods);
    }

    private static StrengthData LoadBuiltIn() =>
        new(Resource(StrengthsFile, StrengthDataReader.ReadStrengths), Resource(MethodModesFile, StrengthDataReader.ReadMethodModes));

    private static T Resource<T>(string file, Func<Stream, string, T> read)
    {
        // The unit tests read the shipped files; an error here means a broken build, not bad user input.
        using var stream = typeof(StrengthData).Assembly.GetManifestResourceStream("EntraStrongAuth.Core.Data." + file)
            ?? throw new InvalidOperationException("The built-in data file " + file + " is missing from EntraStrongAuth.Core.");
        return read(stream, file);
    }
}
