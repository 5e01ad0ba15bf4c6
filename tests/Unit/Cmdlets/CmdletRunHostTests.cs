using System.Management.Automation;
using EntraStrongAuth.Cmdlets.Infrastructure;
using EntraStrongAuth.Engine.Application;
using Xunit;

namespace EntraStrongAuth.Tests.Cmdlets;

public class CmdletRunHostTests
{
    [Fact]
    public void Progress_becomes_a_progress_record_with_the_same_activity_status_and_state()
    {
        var running = CmdletRunHost.ToRecord(new RunProgress(3, "Reading sign-in logs", "File 1 of 2") { PercentComplete = 50 });
        var done = CmdletRunHost.ToRecord(new RunProgress(3, "Reading sign-in logs", "File 2 of 2") { Completed = true });

        Assert.Equal((3, "Reading sign-in logs", "File 1 of 2", 50, ProgressRecordType.Processing), (running.ActivityId, running.Activity, running.StatusDescription, running.PercentComplete, running.RecordType));
        Assert.Equal((-1, ProgressRecordType.Completed), (done.PercentComplete, done.RecordType));
    }
}
