namespace EntraStrongAuth.SignInGenerator.Personas;

/// <summary>An invoice scanner polling a shared mailbox over IMAP with basic authentication every 10 minutes.</summary>
internal sealed class ImapMailboxScanner : ScriptPersona
{
    public ImapMailboxScanner()
        : base("ImapMailboxScanner", "svc-invoices", "Invoice scanner on an HQ server polling a mailbox over IMAP4 (legacy basic auth, BAV2ROPC) every "
            + "10 min ± 30 s, day and night.")
    {
    }

    public override void Generate(DayContext day)
    {
        ScriptSignIn.RunEvery(day, 10, 30, 0.03, MicrosoftApps.ExchangeOnline, MicrosoftApps.ExchangeOnline, Clients.ImapScanner, interactive: true, protocol: "ropc");
    }
}
