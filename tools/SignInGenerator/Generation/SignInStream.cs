namespace EntraStrongAuth.SignInGenerator.Generation;

/// <summary>
/// The tenant's sign-ins, newest first, one day at a time: memory holds one day, so a file of any size streams out.
/// Each (user, day) draws from its own seeded stream, so day N is the same whether or not other days are generated.
/// </summary>
internal sealed class SignInStream
{
    private readonly int seed;

    private readonly double activity;

    public SignInStream(int seed, int userCount, DateTime windowEnd, int days, double activity = 1, bool headlessDeck = false)
    {
        this.seed = seed;
        this.activity = activity;
        Tenant = TenantBuilder.CreateTenant(seed, windowEnd, days);
        Users = Enumerable.Range(0, userCount).Select(i => TenantBuilder.CreateUser(seed, Tenant, i, headlessDeck)).ToArray();
        AnchorDayNumber = Enumerable.Range(0, 7).First(n => windowEnd.AddDays(-1 - n).DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));
    }

    public Tenant Tenant { get; }

    public IReadOnlyList<TenantUser> Users { get; }

    /// <summary>Days back from the end to the newest working day, where every persona plays its scenario.</summary>
    public int AnchorDayNumber { get; }

    /// <summary>All sign-ins of the given days, newest first (ties by id, so the order is total and stable).</summary>
    /// <param name="dayCount">How many days back from the window end; null keeps going into the past without end.</param>
    public IEnumerable<SignIn> NewestFirst(int? dayCount)
    {
        for (int dayNumber = 0; dayCount is null || dayNumber < dayCount; dayNumber++)
        {
            foreach (var signIn in Day(dayNumber))
            {
                yield return signIn;
            }
        }
    }

    /// <summary>One day's sign-ins of every user, sorted newest first.</summary>
    public List<SignIn> Day(int dayNumber)
    {
        var day = Tenant.WindowEnd.AddDays(-1 - dayNumber);
        var signIns = new List<SignIn>();
        foreach (var user in Users)
        {
            var context = new DayContext(Tenant, user, day, dayNumber, dayNumber == AnchorDayNumber,
                SeededRandom.For(seed, 0xDA7, user.Index, dayNumber), signIns, activity);
            user.Persona.Generate(context);
        }

        signIns.Sort(static (a, b) =>
        {
            int byTime = b.CreatedDateTime.CompareTo(a.CreatedDateTime);
            return byTime != 0 ? byTime : string.CompareOrdinal(a.Id, b.Id);
        });
        return signIns;
    }
}
