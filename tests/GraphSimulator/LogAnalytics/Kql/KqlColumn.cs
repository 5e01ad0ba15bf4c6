namespace EntraStrongAuth.GraphSimulator.LogAnalytics.Kql;

/// <summary>A column of a tabular result: its name and Kusto type.</summary>
public sealed record KqlColumn(string Name, KqlType Type);
