using System;
using System.Linq;

namespace EntraStrongAuth.Tests.Hostile.Fuzz;

/// <summary>
/// The crashes the fuzzer meets that are defects still open on this branch, each recognised by its exception text:
/// the main fuzz test counts them instead of failing, the skipped one fails on them. When the fix is merged, delete
/// its line here (and unskip the test once the list is empty).
/// </summary>
internal static class OpenDefects
{
    private static readonly (string Defect, string Signature)[] Signatures =
    [
    ];

    /// <summary>The open defect a crash shows, or null when it is a new failure.</summary>
    public static string? Match(string crash) =>
        Signatures.Where(s => crash.Contains(s.Signature, StringComparison.Ordinal)).Select(s => s.Defect).FirstOrDefault();
}
