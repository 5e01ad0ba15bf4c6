namespace EntraStrongAuth.SignInGenerator.Personas;

/// <summary>An invoice scanner polling a shared mailbox over IMAP with basic authentication every 10 minutes.</summary>
internal sealed class ImapMailboxScanner : Persona
{
    public ImapMailboxScanner()
        : base("ImapMailboxScanner", "Invoice scanner on an HQ server polling a mailbox over IMAP4 (legacy basic auth, BAV2ROPC) every "
            + "10 min ± 30 s, day and night.", ScriptSignIn.Failure)
    {
    }

    public override bool IsHeadless => true;

    public override AccountProfile Account => ScriptSignIn.Account("svc-invoices");

    public override void Generate(DayContext day)
    {
        foreach (var at in ScriptSignIn.Every(day, 10, 30, 0.03))
        {
            ScriptSignIn.Run(day, at, MicrosoftApps.ExchangeOnline, MicrosoftApps.ExchangeOnline, Clients.ImapScanner, Places.Headquarters, interactive: true, protocol: "ropc");
        }
    }
}
