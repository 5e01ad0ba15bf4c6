using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Enrollment;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Core.Policies;
using EntraStrongAuth.Core.Policies.Scope;
using EntraStrongAuth.Core.Strength;
using EntraStrongAuth.Engine.Application.Policies;
using EntraStrongAuth.Engine.Enrollment;
using EntraStrongAuth.Engine.Policies;

namespace EntraStrongAuth.Engine.Application.Enrollment;

/// <summary>
/// Enrollment facts from saved files (-Path): registration report exports (CSV) and Graph JSON of the report, of
/// users' methods, of the methods policy, and of strengths and CA policies. Each file's kind is told from its content.
/// A user with a saved methods response is answered from it (it has the details the report lacks).
/// </summary>
public sealed class FileEnrollmentData : IEnrollmentData
{
    private readonly IRunHost _host;
    private readonly List<string> _reports;
    private readonly List<string> _methodFiles;
    private readonly List<string> _policyFiles;
    private readonly List<string> _strengthFiles;
    private readonly List<string> _memberFiles;
    private DirectoryMembership? _directory;
    private Dictionary<string, UserMethodsSnapshot>? _methods;
    private Dictionary<string, UserMethodsSnapshot>? _reportIndex;
    private PolicyFileContent[]? _policyContent;

    private FileEnrollmentData(EnrollmentFileSet files, IRunHost host)
    {
        _host = host;
        _reports = files.Reports;
        _methodFiles = files.MethodFiles;
        _policyFiles = files.PolicyFiles;
        _strengthFiles = files.StrengthFiles;
        _memberFiles = files.MemberFiles;
    }

    public int Requests => 0;

    private const string MembersHowTo = "add to -Path the saved answers of GET /groups?$expand=members and GET /directoryRoles?$expand=members (or each group with its transitiveMembers)";

    public string? MethodsPolicyUnavailableReason { get; private set; }

    /// <summary>The folder patterns -Path expands a folder to.</summary>
    public static string[] FilePatterns { get; } = { "*.csv", "*.json", "*.ndjson" };

    /// <summary>Sorts the files by content (<see cref="EnrollmentFileSet"/>); they are read when asked.</summary>
    public static async Task<FileEnrollmentData> OpenAsync(IEnumerable<string> files, IRunHost host) =>
        new(await EnrollmentFileSet.SortAsync(files, host).ConfigureAwait(false), host);

    public async Task ReadAllAsync(Func<UserMethodsSnapshot, Task> onUser, CancellationToken cancellationToken)
    {
        var methods = await MethodsAsync().ConfigureAwait(false);
        var answered = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        await ReadReportsAsync(
            async snapshot =>
            {
                var detailed = Detailed(methods, snapshot);
                answered.Add(detailed.UserId);
                await onUser(detailed).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);

        foreach (var snapshot in methods.Values.Distinct().Where(s => !answered.Contains(s.UserId)))
        {
            await onUser(snapshot).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<EnrollmentLookup>> LookupAsync(IReadOnlyList<EnrollmentTarget> targets, bool live, CancellationToken cancellationToken)
    {
        var methods = await MethodsAsync().ConfigureAwait(false);
        if (_reportIndex is null)
        {
            // Named users from files: index the reports once per run (the files are read whole for this).
            var index = new Dictionary<string, UserMethodsSnapshot>(StringComparer.OrdinalIgnoreCase);
            await ReadReportsAsync(
                snapshot =>
                {
                    index[snapshot.UserId] = snapshot;
                    if (snapshot.UserPrincipalName is { } upn)
                    {
                        index[upn] = snapshot;
                    }

                    return Task.CompletedTask;
                },
                cancellationToken).ConfigureAwait(false);
            _reportIndex = index;
        }

        return targets.Select(target =>
        {
            // The report's row first: it names the user (UPN, type, registration); Detailed then lays the saved methods over it.
            var found = Find(_reportIndex, target) ?? Find(methods, target);
            return found is null
                ? EnrollmentLookup.NotFound(target, "in the -Path files")
                : EnrollmentLookup.Found(target, Detailed(methods, found), null);
        }).ToList();
    }

    public async Task<(TenantMethodsPolicy Policy, GroupMembership Membership)> ReadMethodsPolicyAsync(CancellationToken cancellationToken)
    {
        if (_policyFiles.Count == 0)
        {
            MethodsPolicyUnavailableReason = "no saved policies/authenticationMethodsPolicy was among the -Path files";
            await _host.WriteWarningAsync("No Authentication methods policy among the -Path files: every registered method is assumed enabled for every user. Add the saved JSON of GET /policies/authenticationMethodsPolicy for exact answers.").ConfigureAwait(false);
            return (TenantMethodsPolicy.Unknown, GroupMembership.Empty);
        }

        if (_policyFiles.Count > 1)
        {
            await _host.WriteWarningAsync("Several Authentication methods policy files were given; " + _policyFiles[_policyFiles.Count - 1] + " is used.").ConfigureAwait(false);
        }

        var read = EnrollmentFileReader.ReadMethodsPolicy(_policyFiles[_policyFiles.Count - 1]);
        await PolicyReading.ReportAsync(_host, read.Problems).ConfigureAwait(false);
        if (!read.Policy.IsKnown)
        {
            MethodsPolicyUnavailableReason = "the saved methods policy could not be read";
            return (read.Policy, GroupMembership.Empty);
        }

        // Targeted groups whose members are in the files (groups.json with transitiveMembers) are resolved; the rest
        // cannot be, and the answers say so.
        var groups = (await DirectoryAsync().ConfigureAwait(false)).Groups;
        var known = read.Policy.TargetGroupIds.Where(g => groups.GroupIds.Contains(g, StringComparer.OrdinalIgnoreCase)).ToList();
        var membership = new GroupMembership(known.Select(g => new KeyValuePair<string, IEnumerable<string>>(g, groups.MembersOf(g))), read.Policy.TargetGroupIds.Except(known, StringComparer.OrdinalIgnoreCase));
        if (!membership.IsComplete)
        {
            await _host.WriteWarningAsync("The Authentication methods policy targets " + membership.UnreadGroupIds.Count + " groups whose members are not in the files: methods enabled only for groups are treated as not enabled, and each answer says so.").ConfigureAwait(false);
        }

        return (read.Policy, membership);
    }

    public async Task<DirectoryMembership> ReadDirectoryMembershipAsync(IReadOnlyList<string> groupIds, IReadOnlyList<string> roleTemplateIds, CancellationToken cancellationToken)
    {
        var membership = await DirectoryAsync().ConfigureAwait(false);
        var missing = groupIds.Where(g => !membership.Groups.GroupIds.Contains(g, StringComparer.OrdinalIgnoreCase))
            .Select(g => "group " + g)
            .Concat(roleTemplateIds.Where(r => !membership.Roles.GroupIds.Contains(r, StringComparer.OrdinalIgnoreCase)).Select(r => "role " + r))
            .ToList();
        if (missing.Count > 0)
        {
            await _host.WriteWarningAsync("-Policy names " + missing.Count + " groups or roles whose members are not in the -Path files (" + string.Join(", ", missing.Take(5)) + (missing.Count > 5 ? ", …" : string.Empty) + "): users who may be in them are tested, and their answers say the policy may not apply. To decide, " + MembersHowTo + ".").ConfigureAwait(false);
        }

        return membership;
    }

    // The groups' and roles' members in the files, read once (their problems reported once).
    private async Task<DirectoryMembership> DirectoryAsync()
    {
        if (_directory is null)
        {
            var builder = new DirectoryMembershipBuilder();
            foreach (var file in _memberFiles)
            {
                await PolicyReading.ReportAsync(_host, EnrollmentFileReader.ReadDirectoryMembers(file, builder)).ConfigureAwait(false);
            }

            _directory = builder.Build(MembersHowTo);
        }

        return _directory;
    }

    public async Task<IReadOnlyList<AuthenticationStrength>> ReadStrengthsAsync(CancellationToken cancellationToken) =>
        (await PolicyContentAsync().ConfigureAwait(false)).SelectMany(c => c.Strengths).ToList();

    public async Task<IReadOnlyList<StrongAuthPolicy>> ReadPoliciesAsync(CancellationToken cancellationToken)
    {
        var content = await PolicyContentAsync().ConfigureAwait(false);
        var filter = new StrongAuthPolicyFilter(content.SelectMany(c => c.Strengths)) { IncludeDisabled = true };
        return content.SelectMany(c => c.Policies).Select(filter.Apply).OfType<StrongAuthPolicy>().ToList();
    }

    private async Task ReadReportsAsync(Func<UserMethodsSnapshot, Task> onUser, CancellationToken cancellationToken)
    {
        foreach (var file in _reports)
        {
            if (file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var item in RegistrationExportCsvReader.ReadFile(file, cancellationToken))
                {
                    if (item.Registration is { } row)
                    {
                        await onUser(UserMethodsSnapshot.FromRegistration(row, MethodsSource.File)).ConfigureAwait(false);
                    }
                    else if (item.Problem is { } problem)
                    {
                        await _host.WriteErrorAsync(new EntraStrongAuthException(problem.ErrorId, FailureKind.InvalidData, problem.ToString(), "Fix or remove the line; the other lines were read."), problem).ConfigureAwait(false);
                    }
                }

                continue;
            }

            var problems = await EnrollmentFileReader.ReadRegistrationsAsync(
                file,
                row => onUser(UserMethodsSnapshot.FromRegistration(row, MethodsSource.File)),
                cancellationToken).ConfigureAwait(false);
            await PolicyReading.ReportAsync(_host, problems).ConfigureAwait(false);
        }
    }

    private async Task<Dictionary<string, UserMethodsSnapshot>> MethodsAsync()
    {
        if (_methods is not null)
        {
            return _methods;
        }

        _methods = new Dictionary<string, UserMethodsSnapshot>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in _methodFiles)
        {
            var user = EnrollmentFileSniffer.UserOfMethodsFile(file);
            var read = EnrollmentFileReader.ReadUserMethods(file, user);
            await PolicyReading.ReportAsync(_host, read.Problems).ConfigureAwait(false);
            foreach (var snapshot in read.Items)
            {
                // A file named after a UPN says who the user is; one named after an id leaves the UPN unknown.
                _methods[user] = user.IndexOf('@') > 0
                    ? new UserMethodsSnapshot(user, snapshot.Methods, snapshot.Source, snapshot.AsOf) { UserPrincipalName = user }
                    : snapshot;
            }
        }

        return _methods;
    }

    private async Task<PolicyFileContent[]> PolicyContentAsync()
    {
        if (_policyContent is null)
        {
            _policyContent = _strengthFiles.Select(PolicyFileReader.Read).ToArray();
            foreach (var content in _policyContent)
            {
                await PolicyReading.ReportAsync(_host, content.Problems).ConfigureAwait(false);
            }
        }

        return _policyContent;
    }

    /// <summary>The saved methods response of the report's user when there is one: it is the more detailed answer.</summary>
    private static UserMethodsSnapshot Detailed(Dictionary<string, UserMethodsSnapshot> methods, UserMethodsSnapshot fromReport)
    {
        if (!methods.TryGetValue(fromReport.UserId, out var saved) && (fromReport.UserPrincipalName is null || !methods.TryGetValue(fromReport.UserPrincipalName, out saved)))
        {
            return fromReport;
        }

        return new UserMethodsSnapshot(fromReport.UserId, saved.Methods, MethodsSource.File, saved.AsOf)
        {
            UserPrincipalName = fromReport.UserPrincipalName,
            UserDisplayName = fromReport.UserDisplayName,
            UserType = fromReport.UserType,
            Registration = fromReport.Registration,
        };
    }

    private static UserMethodsSnapshot? Find(Dictionary<string, UserMethodsSnapshot> index, EnrollmentTarget target) =>
        (target.UserId is { } id && index.TryGetValue(id, out var byId) ? byId : null)
        ?? (target.UserPrincipalName is { } upn && index.TryGetValue(upn, out var byName) ? byName : null);

}
