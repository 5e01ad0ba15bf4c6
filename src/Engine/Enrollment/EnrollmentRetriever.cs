using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Enrollment;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Core.Policies;
using EntraStrongAuth.Core.Policies.Scope;
using EntraStrongAuth.Core.Retrieval;
using EntraStrongAuth.Core.Strength;
using EntraStrongAuth.Engine.Connection;
using EntraStrongAuth.Engine.Policies;
using EntraStrongAuth.Engine.Retrieval;

namespace EntraStrongAuth.Engine.Enrollment;

/// <summary>
/// Reads what enrollment answers rest on, under the connection's shared limiter: the registration report (streamed),
/// users' registered methods now (JSON batches), and the Authentication methods policy with the members of the
/// groups it targets.
/// </summary>
public sealed class EnrollmentRetriever
{
    public const string ReportPermission = "AuditLog.Read.All";
    public const string MethodsPermission = "UserAuthenticationMethod.Read.All";
    public const string PolicyPermission = "Policy.Read.All (or Policy.Read.AuthenticationMethod)";
    public const string GroupPermission = DirectoryMembershipRetriever.GroupPermission;

    internal const string ReportPath = "v1.0/reports/authenticationMethods/userRegistrationDetails";
    internal const string PolicyPath = "v1.0/policies/authenticationMethodsPolicy";
    internal const string UserSelect = "$select=id,userPrincipalName,displayName,userType,accountEnabled";

    // userRegistrationDetails pages hold at most 999 rows ($top between 1 and 999).
    private const int MaxReportPage = 999;

    private readonly GraphReadContext _context;
    private readonly GraphCollectionReader _reader;
    private readonly DirectoryMembershipRetriever _membership;
    private int _batchPosts;

    public EnrollmentRetriever(GraphConnection connection, RetrievalOptions? options = null)
        : this(GraphReadContext.From(connection, options))
    {
    }

    internal EnrollmentRetriever(GraphReadContext context)
    {
        _context = context ?? throw new ArgumentNullException(nameof(context));
        _reader = new GraphCollectionReader(context);
        _membership = new DirectoryMembershipRetriever(context);
    }

    /// <summary>HTTP requests made so far: pages and policy reads, plus one per $batch POST.</summary>
    public int Requests => _reader.Requests + _membership.Requests + _batchPosts;

    /// <summary>
    /// Every row of the registration report, handed to <paramref name="onRow"/> page by page as Graph returns them. A
    /// row that cannot be read becomes a warning naming its record and field; the others still come.
    /// </summary>
    public Task ReadRegistrationReportAsync(Func<UserRegistration, Task> onRow, RetrievalEvents? events, CancellationToken cancellationToken) =>
        ReadReportAsync(null, onRow, events, cancellationToken);

    /// <summary>
    /// The report rows of these users only: one <c>$filter</c> of <c>userPrincipalName eq</c> terms (each value
    /// escaped) per call. The report cannot be filtered by id, and leaves out disabled users: callers look those up live.
    /// </summary>
    public Task ReadRegistrationReportAsync(IReadOnlyList<string> userPrincipalNames, Func<UserRegistration, Task> onRow, RetrievalEvents? events, CancellationToken cancellationToken)
    {
        if (userPrincipalNames is null || userPrincipalNames.Count == 0)
        {
            throw new ArgumentException("At least one user principal name is needed.", nameof(userPrincipalNames));
        }

        var filter = ODataFilter.AnyOf("userPrincipalName", userPrincipalNames.Select(ODataFilter.Quote));
        return ReadReportAsync(filter, onRow, events, cancellationToken);
    }

    private async Task ReadReportAsync(string? filter, Func<UserRegistration, Task> onRow, RetrievalEvents? events, CancellationToken cancellationToken)
    {
        if (onRow is null)
        {
            throw new ArgumentNullException(nameof(onRow));
        }

        events ??= new RetrievalEvents();
        var top = Math.Max(1, Math.Min(_context.Options.PageSize, MaxReportPage));
        var query = "?$top=" + top.ToString(CultureInfo.InvariantCulture) + (filter is null ? string.Empty : "&$filter=" + Uri.EscapeDataString(filter));
        var url = _context.Url(ReportPath + query);
        var source = "Graph /" + ReportPath;
        var record = 0;
        await _reader.ReadPagesAsync(url, ReportPermission, "registration report", events, async page =>
        {
            var problems = new List<PolicyReadProblem>();
            foreach (var item in page)
            {
                record++;
                if (RegistrationJsonParser.Parse(item, source, record, problems) is { } row)
                {
                    await onRow(row).ConfigureAwait(false);
                }
            }

            await WarnAsync(events, problems).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Each user's directory record and registered methods now, in the order asked. Two requests per user (the user
    /// with <c>$select</c>, and <c>authentication/methods</c>) go 20 to a JSON batch. A user Graph does not know is
    /// <c>Found = false</c>; a user whose methods may not be read (403) carries the translated error instead of methods.
    /// </summary>
    public async Task<IReadOnlyList<UserMethodsLookup>> ReadUserMethodsAsync(IReadOnlyList<string> userIdsOrUpns, RetrievalEvents? events, CancellationToken cancellationToken)
    {
        if (userIdsOrUpns is null)
        {
            throw new ArgumentNullException(nameof(userIdsOrUpns));
        }

        events ??= new RetrievalEvents();
        var urls = new List<string>(userIdsOrUpns.Count * 2);
        foreach (var requested in userIdsOrUpns)
        {
            var key = "/users/" + Uri.EscapeDataString(requested ?? throw new ArgumentException("A user id or UPN is null.", nameof(userIdsOrUpns)));
            urls.Add(key + "?" + UserSelect);
            urls.Add(key + "/authentication/methods");
        }

        var sender = new GraphBatchSender(_context, events, MethodsPermission);
        IReadOnlyList<BatchAnswer> answers;
        try
        {
            answers = await sender.SendAsync(urls, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _batchPosts += sender.Posts;
        }

        var readAt = _context.Clock.UtcNow;
        var lookups = new List<UserMethodsLookup>(userIdsOrUpns.Count);
        for (var i = 0; i < userIdsOrUpns.Count; i++)
        {
            var lookup = UserMethodsAnswer.Build(userIdsOrUpns[i], answers[2 * i], answers[(2 * i) + 1], readAt, out var problems);
            await WarnAsync(events, problems).ConfigureAwait(false);
            lookups.Add(lookup);
        }

        return lookups;
    }

    /// <summary>
    /// The Authentication methods policy, then the user members (transitive) of every group it targets, each group
    /// read once. A policy that may not be read gives <see cref="TenantMethodsPolicy.Unknown"/> and a warning; a
    /// group that no longer exists leaves the membership incomplete for that group, with a warning.
    /// </summary>
    /// <summary>Who is in the groups and holds the roles <paramref name="purpose"/> targets; unread ones are warned about, not thrown.</summary>
    public async Task<DirectoryMembership> ReadDirectoryMembershipAsync(IEnumerable<string> groupIds, IEnumerable<string> roleTemplateIds, string purpose, RetrievalEvents? events, CancellationToken cancellationToken)
    {
        events ??= new RetrievalEvents();
        var (membership, problems) = await _membership.ReadAsync(groupIds, roleTemplateIds, purpose, events, cancellationToken).ConfigureAwait(false);
        await WarnAsync(events, problems).ConfigureAwait(false);
        return membership;
    }

    public async Task<MethodsPolicyRead> ReadMethodsPolicyAsync(RetrievalEvents? events, CancellationToken cancellationToken)
    {
        events ??= new RetrievalEvents();
        var problems = new List<PolicyReadProblem>();
        var source = "Graph /" + PolicyPath;
        TenantMethodsPolicy policy;
        try
        {
            var url = _context.Url(PolicyPath);
            var document = await _reader.ReadEntityAsync(url, PolicyPermission, "Authentication methods policy", events, cancellationToken).ConfigureAwait(false);
            policy = MethodsPolicyJsonParser.Parse(document, source, problems);
        }
        catch (EntraStrongAuthException ex) when (ex.Kind == FailureKind.PermissionDenied)
        {
            problems.Add(new PolicyReadProblem(ErrorIds.MethodsPolicyUnreadable, source,
                "the Authentication methods policy could not be read (" + ex.Message + "); the answers assume every method is enabled for every user. Grant " + PolicyPermission + " to use the policy.",
                isWarning: true));
            policy = TenantMethodsPolicy.Unknown;
        }

        var builder = new DirectoryMembershipBuilder();
        await _membership.ReadGroupsAsync(builder, policy.TargetGroupIds, "the Authentication methods policy", ErrorIds.MethodsPolicyGroupUnreadable, problems, events, cancellationToken).ConfigureAwait(false);
        await WarnAsync(events, problems).ConfigureAwait(false);
        return new MethodsPolicyRead(policy, builder.Build().Groups, problems);
    }

    private static async Task WarnAsync(RetrievalEvents events, IEnumerable<PolicyReadProblem> problems)
    {
        foreach (var problem in problems)
        {
            await events.WarningAsync(problem.ToString()).ConfigureAwait(false);
        }
    }
}
