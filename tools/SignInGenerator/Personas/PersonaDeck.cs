namespace EntraStrongAuth.SignInGenerator.Personas;

/// <summary>
/// Who is who in a tenant of 60: a fixed deck of slots, special personas first so that even a small tenant has one
/// of each, then ordinary workers. Tenants larger than the deck repeat it, keeping the mix (and the failure ratio).
/// </summary>
internal static class PersonaDeck
{
    public const int Size = 60;

    /// <summary>The slot of "Liam O'Neil", whose apostrophe must survive every format and every filter.</summary>
    public const int ApostropheSlot = 4;

    private static readonly Persona Worker = new OfficeWorker();

    private static readonly Persona[] Special =
    {
        new StepUpUser(),
        new SilentClient(desktop: false),
        new RopcScript(powerShell: false),
        new AzureAutomation(azurePowerShell: false),
        new PolicyStepUpUser(),
        new UnenrolledUser(),
        new StrengthGapAdmin(),
        new SignInFrequencyUser(),
        new FederatedUser(mfaAdapter: false),
        new GuestUser(notInvited: false),
        new BreakGlassAccount(),
        new MfaFatigueTarget(),
        new KmsiUser(),
        new RopcScript(powerShell: true),
        new AzureAutomation(azurePowerShell: true),
        new SilentClient(desktop: true),
        new GuestUser(notInvited: true),
        new FederatedUser(mfaAdapter: true),
    };

    /// <summary>
    /// The --headless deck's extras: scripts posing as users and the people who look like them (hard negatives). They
    /// take ordinary workers' slots only when asked, so the default deck (and every committed sample) is unchanged.
    /// </summary>
    private static readonly Persona[] Headless =
    {
        new CronRopcScript(),
        new AzureCliDeveloper(),
        new NightlyAzureCliVm(),
        new MobileUser(),
        new GitHubActionsAzLogin(),
        new SharedKiosk(),
        new ImapMailboxScanner(),
        new NightShiftWorker(),
        new DeviceCodeScript(),
    };

    /// <summary>Every distinct persona of the default deck, in deck order (for personas.json and the tests).</summary>
    public static IReadOnlyList<Persona> All { get; } = Special.Append(Worker).ToArray();

    /// <summary>Every distinct persona of the --headless deck.</summary>
    public static IReadOnlyList<Persona> AllHeadless { get; } = Special.Concat(Headless).Append(Worker).ToArray();

    public static Persona ForSlot(int userIndex, bool headless = false)
    {
        int slot = userIndex % Size;
        if (slot < Special.Length)
        {
            return Special[slot];
        }

        return headless && slot - Special.Length < Headless.Length ? Headless[slot - Special.Length] : Worker;
    }
}
