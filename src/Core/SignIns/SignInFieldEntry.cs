using System;
using System.Collections.Generic;
using EntraStrongAuth.Core.Classification;

namespace EntraStrongAuth.Core.SignIns;

/// <summary>What a field holds, which decides how every reader converts it.</summary>
internal enum SignInValueKind
{
    /// <summary>A string of the signIn; repeated values share one instance (the readers' string cache).</summary>
    Text,

    /// <summary>A string unique to each record (ids): not worth a cache slot.</summary>
    UniqueText,

    /// <summary>A date and time: createdDateTime, or the event time of a table or an envelope.</summary>
    Time,

    /// <summary>The error code: an integer, or as text ("50076", "Success", "Failure") in ResultType.</summary>
    ErrorCode,

    /// <summary>A whole number (autonomousSystemNumber).</summary>
    Number,

    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>An array of strings (a comma-separated list in a CSV cell).</summary>
    TextList,

    /// <summary>An object whose parts are fields of their own, named "object.part" (status, location, deviceDetail, mfaDetail).</summary>
    Object,

    /// <summary>An array of objects with a reader of its own (policies, authentication steps, named networks).</summary>
    ObjectArray,
}

/// <summary>
/// One row of <see cref="SignInFieldRegistry"/>: a sign-in field, what each format calls it, and how it reaches
/// <see cref="SignInEvent"/>. Built once by the registry's fluent calls and not changed afterwards.
/// </summary>
internal sealed class SignInFieldEntry
{
    private static readonly string[] None = [];

    public SignInFieldEntry(SignInField field, SignInValueKind kind)
    {
        Field = field;
        Kind = kind;
    }

    public SignInField Field { get; }

    public SignInValueKind Kind { get; }

    /// <summary>The Graph beta signIn path: "userAgent", or "status.errorCode" for a part of an object; null: not a Graph property.</summary>
    public string? GraphPath { get; private set; }

    /// <summary>The v1.0 path: the beta one unless set; null when v1.0 lacks the property.</summary>
    public string? GraphV1Path { get; private set; }

    /// <summary>Older names of the Graph property still found in saved files (conditionalAccessPolicies); JSON readers take them too.</summary>
    public IReadOnlyList<string> GraphAliases { get; private set; } = None;

    /// <summary>SigninLogs / AADNonInteractiveUserSignInLogs column names, the first the one problems show.</summary>
    public IReadOnlyList<string> LogAnalyticsColumns { get; private set; } = None;

    /// <summary>Admin center download headers (matched trimmed, spaces collapsed, case-insensitively).</summary>
    public IReadOnlyList<string> AdminCenterHeaders { get; private set; } = None;

    /// <summary>The diagnostic-settings envelope's own property (storage account / Event Hub), outside <c>properties</c>.</summary>
    public string? DiagnosticEnvelopeName { get; private set; }

    /// <summary>A lean read takes it: the outcome linker, the cmdlets' filters or the record's time and code need it.</summary>
    public bool IsLinkField { get; private set; }

    /// <summary>Graph enum members the admin center writes as display text ("Not Applied" for notApplied).</summary>
    public IReadOnlyList<string> GraphMembers { get; private set; } = None;

    /// <summary>Reads a text field of the sign-in (null for other kinds and for values kept aside by the builder).</summary>
    public Func<SignInEvent, string?>? GetText { get; private set; }

    /// <summary>Sets a text field of the sign-in.</summary>
    public Action<SignInEvent, string?>? SetText { get; private set; }

    /// <summary>Sets a true/false field of the sign-in.</summary>
    public Action<SignInEvent, bool?>? SetBoolean { get; private set; }

    /// <summary>Sets a whole-number field of the sign-in.</summary>
    public Action<SignInEvent, long?>? SetNumber { get; private set; }

    /// <summary>Sets a list-of-strings field of the sign-in.</summary>
    public Action<SignInEvent, IReadOnlyList<string>>? SetTextList { get; private set; }

    /// <summary>The name classification rules use for it; null: rules cannot test it.</summary>
    public string? RulePath { get; private set; }

    /// <summary>What the rules see of it (by default the text, under <see cref="RulePath"/>).</summary>
    public Func<SignInEvent, IEnumerable<FieldValue>>? RuleValues { get; private set; }

    /// <summary>What it means for a classification that the record lacks it.</summary>
    public string? RuleAbsentMeaning { get; private set; }

    /// <summary>
    /// The classification reads it: the time, the error code, or a field a rule tests. A record that names such a field
    /// twice is invalid, since which value the log meant decides the result. (An object is read when a part of it is.)
    /// </summary>
    public bool IsReadByClassifier => RulePath is not null || Kind is SignInValueKind.Time or SignInValueKind.ErrorCode;

    /// <summary>The part name inside its object ("errorCode" of "status.errorCode"); null for a top-level field.</summary>
    public string? PartName => GraphPath is { } path && path.IndexOf('.') is var dot and > 0 ? path.Substring(dot + 1) : null;

    /// <summary>The object a part belongs to ("status" of "status.errorCode"); null for a top-level field.</summary>
    public string? ObjectName => GraphPath is { } path && path.IndexOf('.') is var dot and > 0 ? path.Substring(0, dot) : null;

    /// <summary>The Graph beta path; v1.0 has the same unless <see cref="GraphV1"/> or <see cref="BetaOnly"/> says otherwise.</summary>
    public SignInFieldEntry Graph(string path)
    {
        GraphPath = path;
        GraphV1Path = path;
        return this;
    }

    /// <summary>The v1.0 path, where it differs from beta's.</summary>
    public SignInFieldEntry GraphV1(string path)
    {
        GraphV1Path = path;
        return this;
    }

    /// <summary>v1.0 lacks the property (readers still take it where a v1.0 record happens to carry it).</summary>
    public SignInFieldEntry BetaOnly()
    {
        GraphV1Path = null;
        return this;
    }

    /// <summary>Older Graph names of the property, read like the current one.</summary>
    public SignInFieldEntry Formerly(params string[] names)
    {
        GraphAliases = names;
        return this;
    }

    public SignInFieldEntry LogAnalytics(params string[] columns)
    {
        LogAnalyticsColumns = columns;
        return this;
    }

    public SignInFieldEntry AdminCenter(params string[] headers)
    {
        AdminCenterHeaders = headers;
        return this;
    }

    public SignInFieldEntry Envelope(string name)
    {
        DiagnosticEnvelopeName = name;
        return this;
    }

    public SignInFieldEntry Link()
    {
        IsLinkField = true;
        return this;
    }

    public SignInFieldEntry Members(params string[] graphMembers)
    {
        GraphMembers = graphMembers;
        return this;
    }

    public SignInFieldEntry Text(Func<SignInEvent, string?> get, Action<SignInEvent, string?> set)
    {
        GetText = get;
        SetText = set;
        return this;
    }

    public SignInFieldEntry Boolean(Action<SignInEvent, bool?> set)
    {
        SetBoolean = set;
        return this;
    }

    public SignInFieldEntry Number(Action<SignInEvent, long?> set)
    {
        SetNumber = set;
        return this;
    }

    public SignInFieldEntry TextList(Action<SignInEvent, IReadOnlyList<string>> set)
    {
        SetTextList = set;
        return this;
    }

    /// <summary>Rules may test it under its Graph path, as text, or as <paramref name="values"/> say.</summary>
    public SignInFieldEntry Rule(string? absentMeaning = null, Func<SignInEvent, IEnumerable<FieldValue>>? values = null, string? path = null)
    {
        RulePath = path ?? GraphPath ?? throw new InvalidOperationException(Field + " has no Graph path to name its rule field.");
        var name = RulePath;
        var get = GetText;
        RuleValues = values ?? (get is null ? throw new InvalidOperationException(Field + " is not text: give its rule values.") : e => OneValue(name, get(e)));
        RuleAbsentMeaning = absentMeaning;
        return this;
    }

    private static IEnumerable<FieldValue> OneValue(string path, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            yield return new FieldValue(path, value!);
        }
    }
}
