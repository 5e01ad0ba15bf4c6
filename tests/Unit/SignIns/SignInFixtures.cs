using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.SignIns;

namespace EntraStrongAuth.Tests.SignIns;

/// <summary>Reads fixtures and in-memory text through the public reader, and splits what it yields.</summary>
internal static class SignInFixtures
{
    /// <summary>Record A of the hand-written fixtures: the 50076 interrupt by a phishing-resistant strength.</summary>
    public const string InterruptId = "66ea54eb-6301-4ee5-be62-ff5a759b0100";

    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "SignIns", "Fixtures", name);

    public static string Text(string name) => File.ReadAllText(Path(name));

    public static List<SignInReadItem> ReadFixture(string name, SignInLogFormat format = SignInLogFormat.Auto) =>
        SignInLogReader.ReadFile(Path(name), format, CancellationToken.None).ToList();

    public static List<SignInReadItem> ReadText(string text, string sourceName = "test.json", SignInLogFormat format = SignInLogFormat.Auto) =>
        ReadBytes(Encoding.UTF8.GetBytes(text), sourceName, format);

    public static List<SignInReadItem> ReadBytes(byte[] bytes, string sourceName = "test.json", SignInLogFormat format = SignInLogFormat.Auto) =>
        SignInLogReader.ReadStream(new MemoryStream(bytes), sourceName, format, CancellationToken.None).ToList();

    public static List<SignInEvent> SignIns(this IEnumerable<SignInReadItem> items) =>
        items.Where(i => i.SignIn is not null).Select(i => i.SignIn!).ToList();

    public static List<SignInReadProblem> Problems(this IEnumerable<SignInReadItem> items) =>
        items.Where(i => i.Problem is not null).Select(i => i.Problem!).ToList();

    /// <summary>A temporary file that deletes itself.</summary>
    public static TempFile Temp(string name, byte[] content) => new(name, content);

    public static TempFile Temp(string name, string content) => new(name, Encoding.UTF8.GetBytes(content));

    public sealed class TempFile : IDisposable
    {
        private readonly string _directory;

        public TempFile(string name, byte[] content)
        {
            _directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "esa-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(_directory);
            FullName = System.IO.Path.Combine(_directory, name);
            File.WriteAllBytes(FullName, content);
        }

        public string FullName { get; }

        public void Dispose() => Directory.Delete(_directory, recursive: true);
    }
}
