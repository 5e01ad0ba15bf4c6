using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Cmdlets.SignIns;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Cmdlets.Commands;

/// <summary>Reads sign-in log files of any supported format into normalized SignInEvent objects.</summary>
[Cmdlet(VerbsData.Import, "SignInLog", DefaultParameterSetName = PathSet)]
[OutputType(typeof(SignInEvent))]
public sealed class ImportSignInLogCommand : SignInLogCommandBase
{
    protected override Task ProcessRecordAsync(CancellationToken cancellationToken) =>
        ReadSignInsAsync(signIn => WriteObjectAsync(signIn), cancellationToken);
}
