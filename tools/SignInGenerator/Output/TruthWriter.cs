namespace EntraStrongAuth.SignInGenerator.Output;

/// <summary>
/// truth.csv, the answer key: one row per failed sign-in with its true cause (a FailureCause name), the persona that
/// produced it and, for an interrupt that was settled, the id of the success that settled it.
/// </summary>
internal sealed class TruthWriter : CsvWriter
{
    public const string FileName = "truth.csv";

    private static readonly string[] Header =
    {
        "signInId", "errorCode", "trueCause", "persona", "userPrincipalName", "createdDateTime", "correlationId", "isInteractive", "resolvedBy",
    };

    public TruthWriter(string path)
        : base(path, quoteAll: false, newLine: "\n") => WriteRow(Header);

    public override void Write(SignIn signIn)
    {
        if (!signIn.IsSuccess)
        {
            base.Write(signIn);
        }
    }

    protected override IEnumerable<string?> Cells(SignIn signIn) => new[]
    {
        signIn.Id,
        Formats.Number(signIn.ErrorCode),
        signIn.TrueCause?.ToString(),
        signIn.PersonaName,
        signIn.User.UserPrincipalName,
        Formats.GraphTime(signIn.CreatedDateTime),
        signIn.CorrelationId,
        signIn.IsInteractive ? "true" : "false",
        signIn.ResolvedBy,
    };
}
