using EntraStrongAuth.Engine.Application.Filtering;

namespace EntraStrongAuth.Engine.Application.Headless;

/// <summary>What Find-HeadlessUserSignIn was asked, as bound from its parameters.</summary>
public sealed class HeadlessSearchOptions
{
    /// <summary>Accounts, apps and the time range; the range bounds the sign-ins scored (end exclusive).</summary>
    public SignInFilterOptions Filter { get; init; } = new();

    public int MinimumScore { get; init; } = 50;

    /// <summary>One finding per account and app instead of per account.</summary>
    public bool PerApp { get; init; }
}
