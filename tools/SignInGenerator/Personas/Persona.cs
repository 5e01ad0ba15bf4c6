namespace EntraStrongAuth.SignInGenerator.Personas;

/// <summary>A failure a persona produces: the code Entra logs and the cause that truly lies behind it.</summary>
internal sealed record ExpectedFailure(int Code, FailureCause Cause, string Why);

/// <summary>The kind of directory account a persona needs.</summary>
internal enum AccountKind
{
    Member,
    Guest,
    Service,
    BreakGlass,
}

/// <summary>The account a persona signs in with: kind, registered methods and the traits CA policies look at.</summary>
internal sealed record AccountProfile(AccountKind Kind, AuthMethods Methods)
{
    public static readonly AccountProfile Member = new(AccountKind.Member, AuthMethods.AuthenticatorPush | AuthMethods.Sms);

    /// <summary>Service accounts get a fixed UPN prefix ("svc-deploy"); people get a name from the name book.</summary>
    public string? UpnPrefix { get; init; }

    public bool IsAdmin { get; init; }

    public bool PhishingResistantDisabled { get; init; }

    public bool HasDevice { get; init; } = true;

    /// <summary>A partner account that was never invited: it signs in with its home UPN.</summary>
    public bool NotInTenant { get; init; }

    /// <summary>The user lives in the AD FS federated domain.</summary>
    public bool Federated { get; init; }
}

/// <summary>
/// A kind of user (or script posing as one) with its habits. Each persona knows the true cause of every failure it
/// emits, so the generated logs come with an answer key. Subclasses stay small: one story each.
/// </summary>
internal abstract class Persona
{
    protected Persona(string name, string description, params ExpectedFailure[] failures)
    {
        Name = name;
        Description = description;
        Failures = failures;
    }

    public string Name { get; }

    public string Description { get; }

    /// <summary>Every (code, cause) pair this persona can emit; tests check each appears and nothing else does.</summary>
    public IReadOnlyList<ExpectedFailure> Failures { get; }

    public virtual AccountProfile Account => AccountProfile.Member;

    /// <summary>The answer for headless scoring: a script signs in as this account (headless-truth.csv).</summary>
    public virtual bool IsHeadless => false;

    /// <summary>Adds this user's sign-ins for one day to <paramref name="day"/>.</summary>
    public abstract void Generate(DayContext day);
}
