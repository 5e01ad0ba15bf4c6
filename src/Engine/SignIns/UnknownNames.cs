using System;
using System.Collections.Generic;
using System.Globalization;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Engine.SignIns;

/// <summary>
/// The columns or top-level properties of one file that no reader understands, collected while reading and reported
/// once, as one warning for the file, so nothing is dropped silently. Names known but not needed
/// (<see cref="SignInNamesNotNeeded"/>) are not collected.
/// </summary>
internal sealed class UnknownNames
{
    private const int MaxListed = 30;

    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly List<string> _inOrder = [];
    private bool _reported;

    public void Note(string name)
    {
        if (_seen.Add(name))
        {
            _inOrder.Add(name);
        }
    }

    /// <summary>The file's warning, once (null when every name was understood, or it was already given).</summary>
    /// <param name="source">The file.</param>
    /// <param name="what">"columns" or "properties".</param>
    public SignInReadItem? TakeWarning(string source, string what)
    {
        if (_reported || _inOrder.Count == 0)
        {
            return null;
        }

        _reported = true;
        var shown = _inOrder.Count > MaxListed ? _inOrder.GetRange(0, MaxListed) : _inOrder;
        var more = _inOrder.Count > MaxListed ? " and " + (_inOrder.Count - MaxListed).ToString(CultureInfo.InvariantCulture) + " more" : string.Empty;
        return new SignInReadItem(source + ": " + _inOrder.Count.ToString(CultureInfo.InvariantCulture) + " " + what
            + " not understood, so not read: " + string.Join(", ", shown) + more
            + ". If one of them holds a sign-in field under another name, rename it to the documented name (see Get-Help Import-SignInLog).");
    }
}
