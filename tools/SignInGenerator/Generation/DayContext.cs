namespace EntraStrongAuth.SignInGenerator.Generation;

/// <summary>
/// One user's day: the clock, the randomness and the factory for sign-ins. Personas only describe what happens;
/// ids, addresses, devices and clamping to the day live here, once.
/// </summary>
internal sealed class DayContext
{
    private static readonly TimeSpan LastStart = TimeSpan.FromHours(23) + TimeSpan.FromMinutes(50);
    private readonly List<SignIn> output;

    public DayContext(Tenant tenant, TenantUser user, DateTime day, int dayNumber, bool isAnchorDay, SeededRandom random, List<SignIn> output, double activity = 1)
    {
        ActivityRounds = Math.Max(1, (int)Math.Ceiling(activity));
        ActivityPerRound = activity / ActivityRounds;
        Tenant = tenant;
        User = user;
        Day = day;
        DayNumber = dayNumber;
        IsAnchorDay = isAnchorDay;
        Random = random;
        this.output = output;
    }

    public Tenant Tenant { get; }

    public TenantUser User { get; }

    /// <summary>Midnight UTC of this day.</summary>
    public DateTime Day { get; }

    /// <summary>0 for the newest day of the window, growing into the past.</summary>
    public int DayNumber { get; }

    /// <summary>The newest working day: personas play their signature scenario here for sure, so every run shows it.</summary>
    public bool IsAnchorDay { get; }

    public SeededRandom Random { get; }

    /// <summary>How many times ordinary activity is rolled today (the --activity factor, rounded up).</summary>
    public int ActivityRounds { get; }

    /// <summary>The factor each roll's chances are scaled by, so rounds × factor = --activity.</summary>
    public double ActivityPerRound { get; }

    public bool IsWorkday => Day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>A persona's signature scenario: certain on the anchor day, otherwise with the given daily chance.</summary>
    public bool Sometimes(double chance) => IsAnchorDay || Random.Chance(chance);

    /// <summary>A time of this day, whole seconds (Graph's precision), never so late that a follow-up crosses midnight.</summary>
    public DateTime At(double hour, int jitterSeconds = 0)
    {
        var offset = TimeSpan.FromSeconds(Math.Round(hour * 3600) + (jitterSeconds > 0 ? Random.Between(-jitterSeconds, jitterSeconds) : 0));
        if (offset < TimeSpan.Zero)
        {
            offset = TimeSpan.Zero;
        }

        return Day + (offset > LastStart ? LastStart : offset);
    }

    /// <summary>A random moment within working hours (07:30-17:30 UTC), weighted to the morning start.</summary>
    public DateTime WorkingTime() => At(Random.Chance(0.4) ? 7.5 + (Random.Next(90 * 60) / 3600.0) : 9 + (Random.Next(510 * 60) / 3600.0));

    /// <summary>Hybrid work: the office Tuesday to Thursday, home otherwise.</summary>
    public Place UsualPlace() => Day.DayOfWeek is DayOfWeek.Tuesday or DayOfWeek.Wednesday or DayOfWeek.Thursday ? User.Office : User.Home;

    /// <summary>Starts a new request sequence (fresh correlation) and records it.</summary>
    public SignIn Start(DateTime at, AppInfo app, AppInfo resource, ClientProfile client, Place place, bool interactive)
    {
        string id = Random.NextGuid();
        var signIn = new SignIn
        {
            Id = id,
            CreatedDateTime = at,
            User = User,
            App = app,
            Resource = resource,
            Client = client,
            Place = place,
            IpAddress = place.Ip(User.IpHost),
            ResourceTenantId = Tenant.Id,
            CorrelationId = Random.NextGuid(),
            OriginalRequestId = id,
            SessionId = Random.NextGuid(),
            UniqueTokenIdentifier = Random.NextToken(),
            IsInteractive = interactive,
            AuthenticationProtocol = interactive ? "oAuth2" : "none",
            IncomingTokenType = interactive ? "none" : "refreshToken",
            ProcessingTimeMs = Random.Between(45, 420),
            PersonaName = User.Persona.Name,
        };
        output.Add(signIn);
        return signIn;
    }

    /// <summary>The next request of the same sequence: same correlation and session, pointing back to the first request.</summary>
    public SignIn FollowUp(SignIn first, int afterSeconds)
    {
        var at = first.CreatedDateTime.AddSeconds(afterSeconds);
        var signIn = new SignIn
        {
            Id = Random.NextGuid(),
            CreatedDateTime = at < Day.AddDays(1) ? at : Day.AddDays(1).AddSeconds(-1),
            User = User,
            App = first.App,
            Resource = first.Resource,
            Client = first.Client,
            Place = first.Place,
            IpAddress = first.IpAddress,
            ResourceTenantId = first.ResourceTenantId,
            CorrelationId = first.CorrelationId,
            OriginalRequestId = first.OriginalRequestId,
            SessionId = first.SessionId,
            UniqueTokenIdentifier = Random.NextToken(),
            IsInteractive = first.IsInteractive,
            AuthenticationProtocol = first.AuthenticationProtocol,
            IncomingTokenType = first.IncomingTokenType,
            TokenIssuerType = first.TokenIssuerType,
            TokenIssuerName = first.TokenIssuerName,
            ProcessingTimeMs = Random.Between(45, 420),
            PersonaName = first.PersonaName,
        };
        output.Add(signIn);
        return signIn;
    }
}
