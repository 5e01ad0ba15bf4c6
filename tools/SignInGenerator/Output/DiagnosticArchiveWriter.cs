namespace EntraStrongAuth.SignInGenerator.Output;

/// <summary>
/// The diagnostic-settings archive (storage account / Event Hub capture): one Azure Monitor record per line with the
/// envelope fields and the camelCase signIn in <c>properties</c> (Monitor flavor, as real archives show it);
/// category tells interactive from non-interactive.
/// </summary>
internal sealed class DiagnosticArchiveWriter : JsonFileWriter
{
    private readonly Tenant tenant;

    public DiagnosticArchiveWriter(string path, Tenant tenant)
        : base(path, CompactJson) => this.tenant = tenant;

    public override void Write(SignIn signIn)
    {
        var w = Json;
        w.WriteStartObject();
        w.WriteString("time", Formats.LogTime(Formats.Ingested(signIn)));
        w.WriteString("resourceId", tenant.ArmResourceId);
        w.WriteString("operationName", "Sign-in activity");
        w.WriteString("operationVersion", "1.0");
        w.WriteString("category", signIn.IsInteractive ? "SignInLogs" : "NonInteractiveUserSignInLogs");
        w.WriteString("tenantId", tenant.Id);
        w.WriteString("resultType", Formats.Number(signIn.ErrorCode));
        w.WriteString("resultSignature", "None");
        if (!signIn.IsSuccess)
        {
            w.WriteString("resultDescription", signIn.FailureReason);
        }

        w.WriteNumber("durationMs", 0);
        w.WriteString("callerIpAddress", signIn.IpAddress);
        w.WriteString("correlationId", signIn.CorrelationId);
        w.WriteString("identity", signIn.User.DisplayName);
        w.WriteNumber("Level", 4);
        w.WriteString("location", signIn.Place.CountryOrRegion);
        w.WritePropertyName("properties");
        GraphJson.WriteSignIn(w, signIn, JsonFlavor.Monitor);
        w.WriteEndObject();
        EndLine();
    }

    protected override void Finish()
    {
    }
}
