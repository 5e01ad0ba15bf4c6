using System;
using System.Management.Automation;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Errors;

namespace EntraStrongAuth.Cmdlets.Infrastructure;

/// <summary>A cmdlet's writers as delegates, so helpers can report through the cmdlet's pipeline thread.</summary>
internal sealed class CmdletWriters
{
    public CmdletWriters(Func<string, Task> verbose, Func<string, Task> warning, Func<ProgressRecord, Task> progress, Func<EntraStrongAuthException, object?, Task> error)
    {
        Verbose = verbose;
        Warning = warning;
        Progress = progress;
        Error = error;
    }

    public Func<string, Task> Verbose { get; }

    public Func<string, Task> Warning { get; }

    public Func<ProgressRecord, Task> Progress { get; }

    public Func<EntraStrongAuthException, object?, Task> Error { get; }
}
