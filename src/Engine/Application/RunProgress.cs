namespace EntraStrongAuth.Engine.Application;

/// <summary>One progress report of a long activity, as Write-Progress shows it; immutable, so a queued report never changes.</summary>
public sealed class RunProgress
{
    public RunProgress(int activityId, string activity, string status)
    {
        ActivityId = activityId;
        Activity = activity;
        Status = status;
    }

    public int ActivityId { get; }

    public string Activity { get; }

    public string Status { get; }

    /// <summary>0 to 100; -1 when unknown.</summary>
    public int PercentComplete { get; init; } = -1;

    /// <summary>Seconds left at the rate so far, where the total is known; -1 when unknown.</summary>
    public int SecondsRemaining { get; init; } = -1;

    /// <summary>The activity is over and its bar can be removed.</summary>
    public bool Completed { get; init; }
}
