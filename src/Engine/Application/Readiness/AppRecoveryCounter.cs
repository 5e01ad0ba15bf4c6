using System;
using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Core.Diagnosis;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Engine.Application.Readiness;

/// <summary>
/// Keeps, while sign-ins stream by, only what an app's recovery needs (a small mark per silent interrupt and per
/// interactive success, not the sign-ins), then measures each app with <see cref="AppRecovery"/>.
/// </summary>
internal sealed class AppRecoveryCounter
{
    private readonly int[] _codes;
    private readonly Dictionary<string, (string? Name, List<AppRecovery.Mark> Marks)> _byApp = new(StringComparer.OrdinalIgnoreCase);

    public AppRecoveryCounter(IEnumerable<int> strongAuthCodes) => _codes = strongAuthCodes.ToArray();

    public void Add(SignInEvent signIn)
    {
        if (signIn.AppId is not { } app || AppRecovery.Mark.Of(signIn, _codes) is not { } mark)
        {
            return;
        }

        if (!_byApp.TryGetValue(app, out var entry))
        {
            _byApp[app] = entry = (signIn.AppDisplayName, new List<AppRecovery.Mark>());
        }

        entry.Marks.Add(mark);
    }

    /// <summary>
    /// Each app's recovery on the marks of people only: a script's silent interrupts say nothing of whether the app
    /// prompts a person (Azure CLI used by a pipeline and by a developer), so the accounts in <paramref name="scripts"/> are left out.
    /// </summary>
    public IReadOnlyDictionary<string, AppRecovery> Measure(TimeSpan fallbackWindow, ISet<string> scripts) =>
        _byApp.ToDictionary(p => p.Key, p => AppRecovery.Measure(p.Key, p.Value.Name, p.Value.Marks.Where(m => !scripts.Contains(m.User)).ToList(), fallbackWindow), StringComparer.OrdinalIgnoreCase);
}
