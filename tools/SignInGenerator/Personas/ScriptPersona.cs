namespace EntraStrongAuth.SignInGenerator.Personas;

/// <summary>
/// A script posing as a user (the --headless deck): a service account with no device, headless by definition, whose
/// only failure is the 50076 of <see cref="ScriptSignIn"/>. Subclasses tell only when and how the script signs in.
/// </summary>
internal abstract class ScriptPersona : Persona
{
    private readonly string upnPrefix;

    protected ScriptPersona(string name, string upnPrefix, string description)
        : base(name, description, ScriptSignIn.Failure)
        => this.upnPrefix = upnPrefix;

    public override bool IsHeadless => true;

    public override AccountProfile Account => new(AccountKind.Service, AuthMethods.Sms) { UpnPrefix = upnPrefix, HasDevice = false };
}
