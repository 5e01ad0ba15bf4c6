using System.Globalization;
using System.IO;
using EntraStrongAuth.SignInGenerator;
using EntraStrongAuth.SignInGenerator.Cli;

GeneratorOptions options;
try
{
    options = GeneratorOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine("Run with --help for the options.");
    return 2;
}

if (options.ShowHelp)
{
    Console.WriteLine(GeneratorOptions.Usage);
    return 0;
}

var summary = GeneratorRun.Run(options);
var invariant = CultureInfo.InvariantCulture;
Console.WriteLine(string.Format(invariant, "{0:N0} sign-ins ({1:N0} failures), {2} users, {3} days, seed {4}, in {5:0.0} s",
    summary.SignIns, summary.Failures, summary.Users, summary.Days, options.Seed, summary.Elapsed.TotalSeconds));
long total = 0;
foreach (var (path, bytes) in summary.Files)
{
    total += bytes;
    Console.WriteLine(string.Format(invariant, "  {0,14:N0}  {1}", bytes, Path.GetFileName(path)));
}

Console.WriteLine(string.Format(invariant, "  {0,14:N0}  total; {1:0.0} MB/s", total, total / 1048576.0 / Math.Max(summary.Elapsed.TotalSeconds, 0.001)));
return 0;
