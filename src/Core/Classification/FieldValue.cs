namespace EntraStrongAuth.Core.Classification;

/// <summary>One value of a sign-in field, with its path in Graph's names (indexed for collections).</summary>
internal readonly struct FieldValue
{
    public FieldValue(string path, string value)
    {
        Path = path;
        Value = value;
    }

    /// <summary>e.g. <c>authenticationProtocol</c> or <c>appliedConditionalAccessPolicies[2].enforcedGrantControls</c>.</summary>
    public string Path { get; }

    public string Value { get; }
}
