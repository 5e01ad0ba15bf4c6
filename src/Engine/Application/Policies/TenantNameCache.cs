using System;
using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Core.Policies;
using EntraStrongAuth.Core.Strength;

namespace EntraStrongAuth.Engine.Application.Policies;

/// <summary>
/// The tenant's strength and policy names seen by commands this session, so Tab completes custom strengths and
/// policy names without a Graph request at completion time (a completer must answer at once). Cleared when the
/// connection changes, because the names belong to one tenant.
/// </summary>
public static class TenantNameCache
{
    private static readonly object Gate = new();
    private static IReadOnlyList<AuthenticationStrength> _strengths = Array.Empty<AuthenticationStrength>();
    private static IReadOnlyList<StrongAuthPolicy> _policies = Array.Empty<StrongAuthPolicy>();

    public static IReadOnlyList<AuthenticationStrength> Strengths
    {
        get
        {
            lock (Gate)
            {
                return _strengths;
            }
        }
    }

    public static IReadOnlyList<StrongAuthPolicy> Policies
    {
        get
        {
            lock (Gate)
            {
                return _policies;
            }
        }
    }

    public static void Remember(IEnumerable<AuthenticationStrength> strengths)
    {
        var list = strengths.ToList();
        lock (Gate)
        {
            _strengths = list;
        }
    }

    public static void Remember(IEnumerable<StrongAuthPolicy> policies)
    {
        var list = policies.ToList();
        lock (Gate)
        {
            _policies = list;
        }
    }

    public static void Clear()
    {
        lock (Gate)
        {
            _strengths = Array.Empty<AuthenticationStrength>();
            _policies = Array.Empty<StrongAuthPolicy>();
        }
    }
}
