using System;
using System.Collections.Generic;

namespace EntraStrongAuth.Core.Classification;

/// <summary>How a <see cref="RuleCondition"/> tests its field. All comparisons ignore case.</summary>
public enum RuleOperator
{
    /// <summary>Some value of the field equals one of the condition's values.</summary>
    Equal,

    /// <summary>Some value of the field starts with one of the condition's values.</summary>
    StartsWith,

    /// <summary>Some value of the field contains one of the condition's values.</summary>
    Contains,

    /// <summary>Some value of the field is in a named list (automationApps, developerTools, scriptingUserAgents).</summary>
    InList,

    /// <summary>The record does not carry the field.</summary>
    Absent,
}

/// <summary>One test of a rule's <c>when</c> list: a sign-in field (Graph name), an operator, and why it matters.</summary>
public sealed class RuleCondition
{
    public RuleCondition(string field, RuleOperator op, IReadOnlyList<string> values, string? listName, string reason)
    {
        Field = field ?? throw new ArgumentNullException(nameof(field));
        Operator = op;
        Values = values ?? throw new ArgumentNullException(nameof(values));
        ListName = listName;
        Reason = reason ?? throw new ArgumentNullException(nameof(reason));
    }

    public string Field { get; }

    public RuleOperator Operator { get; }

    /// <summary>The values for Equal, StartsWith and Contains.</summary>
    public IReadOnlyList<string> Values { get; }

    /// <summary>The list for InList.</summary>
    public string? ListName { get; }

    /// <summary>Why the field's value matters: becomes the evidence's reason.</summary>
    public string Reason { get; }
}
