using System.Text.Json;

namespace EntraStrongAuth.SignInGenerator.Output;

/// <summary>
/// A plain JSON array of Graph signIn objects: what scripts save from Graph (graph-json) and what the Entra admin
/// center's "Download JSON" gives (admin-json, same property names, written indented).
/// </summary>
internal sealed class JsonArrayWriter : JsonFileWriter
{
    public JsonArrayWriter(string path, bool indented)
        : base(path, indented ? IndentedJson : CompactJson) => Json.WriteStartArray();

    public override void Write(SignIn signIn)
    {
        GraphJson.WriteSignIn(Json, signIn);
        FlushIfLarge();
    }

    protected override void Finish()
    {
        Json.WriteEndArray();
        Json.Flush();
    }
}
