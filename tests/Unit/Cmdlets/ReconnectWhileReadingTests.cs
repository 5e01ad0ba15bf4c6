using System;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Threading.Tasks;
using EntraStrongAuth.Cmdlets.Commands;
using EntraStrongAuth.Cmdlets.Infrastructure;
using EntraStrongAuth.GraphSimulator;
using Xunit;

namespace EntraStrongAuth.Tests.Cmdlets;

/// <summary>
/// The connection is process-wide: Connect-EntraStrongAuth in one runspace while Get-SignInLog reads through the old
/// connection in another must not pull it from under the reader ("Cannot access a disposed object … HttpClient").
/// </summary>
[Collection(Retrieval.TimingSensitive.Name)]
public sealed class ReconnectWhileReadingTests : IDisposable
{
    private readonly Runspace _reader1 = Open();
    private readonly Runspace _reader2 = Open();
    private readonly Runspace _admin = Open();

    public void Dispose()
    {
        ConnectionStore.Set(null);
        _reader1.Dispose();
        _reader2.Dispose();
        _admin.Dispose();
    }

    private static Runspace Open()
    {
        var state = InitialSessionState.CreateDefault2();
        state.Commands.Add(new SessionStateCmdletEntry("Connect-EntraStrongAuth", typeof(ConnectEntraStrongAuthCommand), null));
        state.Commands.Add(new SessionStateCmdletEntry("Get-SignInLog", typeof(GetSignInLogCommand), null));
        var runspace = RunspaceFactory.CreateRunspace(state);
        runspace.Open();
        return runspace;
    }

    private static void Connect(Runspace runspace, GraphSimulatorHost host)
    {
        using var shell = PowerShell.Create();
        shell.Runspace = runspace;
        shell.AddScript("param($token, $uri) Connect-EntraStrongAuth -AccessToken (ConvertTo-SecureString $token -AsPlainText -Force) -GraphEndpoint $uri -MaxRequestsPerWindow 1000 -ErrorAction Stop")
            .AddArgument(host.IssueToken())
            .AddArgument(host.GraphBaseUri);
        shell.Invoke();
    }

    /// <summary>Starts Get-SignInLog over the whole tenant; the task completes when its first request is on the wire.</summary>
    private static (PowerShell Shell, IAsyncResult Run, Task FirstRequest) StartReading(Runspace runspace, GraphSimulatorHost host)
    {
        var times = host.Tenant.SignIns.Select(s => s.CreatedDateTime).ToArray();
        var shell = PowerShell.Create();
        shell.Runspace = runspace;
        shell.AddScript("param($start, $end) Get-SignInLog -StartTime $start -EndTime $end -Verbose")
            .AddArgument(times.Min().UtcDateTime)
            .AddArgument(times.Max().AddSeconds(1).UtcDateTime);
        var firstRequest = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        shell.Streams.Verbose.DataAdded += (_, e) =>
        {
            if (shell.Streams.Verbose[e.Index].Message.StartsWith("GET ", StringComparison.Ordinal))
            {
                firstRequest.TrySetResult();
            }
        };
        return (shell, shell.BeginInvoke(), firstRequest.Task);
    }

    [Fact]
    public async Task Reading_in_two_runspaces_survives_a_reconnect_in_a_third_and_the_old_connection_is_released_after_both()
    {
        // Every signIns page takes 3 s: both reads are in flight when the reconnect comes.
        await using var host = await GraphSimulatorHost.StartAsync(new GraphSimulatorOptions
        {
            Data = new SimDataSource { Users = 12, Days = 2 },
            ThrottleRequests = 0,
            PageLatency = TimeSpan.FromSeconds(3),
        });
        var truth = host.Tenant.SignIns.Count(s => s.SignInEventTypes.Any(t => t is "interactiveUser" or "nonInteractiveUser"));
        Connect(_admin, host);
        var old = ConnectionStore.Current!;
        var first = StartReading(_reader1, host);
        var second = StartReading(_reader2, host);
        await first.FirstRequest.WaitAsync(TimeSpan.FromSeconds(60));
        await second.FirstRequest.WaitAsync(TimeSpan.FromSeconds(60));

        Connect(_admin, host);

        var releasedUnderReaders = old.IsReleased;
        Assert.NotSame(old, ConnectionStore.Current);
        foreach (var (shell, run, _) in new[] { first, second })
        {
            using (shell)
            {
                var output = shell.EndInvoke(run);
                Assert.Empty(shell.Streams.Error.Select(e => e.FullyQualifiedErrorId + ": " + e.Exception.Message));
                Assert.Equal(truth, output.Count);
                Assert.Equal(truth, output.Select(o => ((Core.SignIns.SignInEvent)o.BaseObject).Id).Distinct().Count());
            }
        }

        Assert.False(releasedUnderReaders, "the old connection was released while two commands were reading through it");
        Assert.True(old.IsReleased, "the old connection outlived its last user");
        Assert.False(ConnectionStore.Current!.IsReleased);
    }
}
