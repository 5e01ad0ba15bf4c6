namespace EntraStrongAuth.Core.Classification;

/// <summary>One value of a sign-in field, with its path in Graph's names (indexed for collections).</summary>
internal readonly struct FieldValue
{
    public FieldValue(string path, string value, string? shown = null)
    {
        Path = path;
        Value = value;
        Shown = shown ?? value;
    }

    /// <summary>e.g. <c>authenticationProtocol</c> or <c>appliedConditionalAccessPolicies[2].enforcedGrantControls</c>.</summary>
    public string Path { get; }

    /// <summary>The value rules compare.</summary>
    public string Value { get; }

    /// <summary>The value as the record has it, for evidence: differs from <see cref="Value"/> only where a field is derived.</summary>
    public string Shown { get; }
}
