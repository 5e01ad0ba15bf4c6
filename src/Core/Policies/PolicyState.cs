namespace EntraStrongAuth.Core.Policies;

/// <summary>
/// A Conditional Access policy's state in the words admins use. Graph's values are <c>enabled</c>,
/// <c>enabledForReportingButNotEnforced</c> and <c>disabled</c>; a value Graph adds later is <see cref="Unknown"/>
/// and the policy keeps Graph's text in <see cref="StrongAuthPolicy.State"/>.
/// </summary>
public enum PolicyState
{
    On,
    ReportOnly,
    Off,
    Unknown,
}
