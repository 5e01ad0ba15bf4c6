namespace EntraStrongAuth.SignInGenerator.Output;

/// <summary>
/// Graph beta list responses as a client saves them page by page: one page object per line (NDJSON of pages),
/// <c>{"@odata.context":…,"value":[…],"@odata.nextLink":…}</c>, newest first, every page but the last with a nextLink.
/// A page is closed only when the next sign-in arrives, because only then is it known that a next page exists.
/// </summary>
internal sealed class GraphPagesWriter : JsonFileWriter
{
    private const string Context = "https://graph.microsoft.com/beta/$metadata#auditLogs/signIns";
    private readonly int pageSize;
    private readonly SeededRandom tokens;
    private int onPage;
    private bool pageOpen;

    public GraphPagesWriter(string path, int pageSize, int seed)
        : base(path, CompactJson)
    {
        this.pageSize = pageSize;
        tokens = SeededRandom.For(seed, 0x5C1F);
    }

    public override void Write(SignIn signIn)
    {
        if (pageOpen && onPage == pageSize)
        {
            ClosePage(nextLink: true);
        }

        if (!pageOpen)
        {
            Json.WriteStartObject();
            Json.WriteString("@odata.context", Context);
            Json.WriteStartArray("value");
            pageOpen = true;
            onPage = 0;
        }

        GraphJson.WriteSignIn(Json, signIn);
        onPage++;
        FlushIfLarge();
    }

    protected override void Finish()
    {
        if (!pageOpen)
        {
            // No sign-ins at all: Graph still answers with one empty page.
            Json.WriteStartObject();
            Json.WriteString("@odata.context", Context);
            Json.WriteStartArray("value");
            pageOpen = true;
        }

        ClosePage(nextLink: false);
    }

    private void ClosePage(bool nextLink)
    {
        Json.WriteEndArray();
        if (nextLink)
        {
            Json.WriteString("@odata.nextLink", "https://graph.microsoft.com/beta/auditLogs/signIns?$top=" + Formats.Number(pageSize) + "&$skiptoken=" + tokens.NextToken(48));
        }

        Json.WriteEndObject();
        EndLine();
        pageOpen = false;
    }
}
