using System;
using System.Globalization;

namespace EntraStrongAuth.Core.Policies;

/// <summary>A policy's sign-in frequency session control (Graph <c>signInFrequencySessionControl</c>); values stay Graph's strings.</summary>
public sealed class SignInFrequency
{
    public SignInFrequency(bool isEnabled, int? value, string? type, string? frequencyInterval, string? authenticationType)
    {
        IsEnabled = isEnabled;
        Value = value;
        Type = type;
        FrequencyInterval = frequencyInterval;
        AuthenticationType = authenticationType;
    }

    public bool IsEnabled { get; }

    /// <summary>The number of <see cref="Type"/> units; null with <c>everyTime</c>.</summary>
    public int? Value { get; }

    /// <summary>days or hours (null with everyTime).</summary>
    public string? Type { get; }

    /// <summary>timeBased, everyTime or a newer value; null when Graph leaves it out (time-based).</summary>
    public string? FrequencyInterval { get; }

    /// <summary>primaryAndSecondaryAuthentication, secondaryAuthentication or a newer value.</summary>
    public string? AuthenticationType { get; }

    public bool IsEveryTime => string.Equals(FrequencyInterval, "everyTime", StringComparison.OrdinalIgnoreCase);

    /// <summary>Short text for a table: <c>4 hours</c>, <c>1 day</c>, <c>every time</c>, <c>off</c>.</summary>
    public override string ToString()
    {
        if (!IsEnabled)
        {
            return "off";
        }

        if (IsEveryTime)
        {
            return "every time";
        }

        if (Value is not { } value)
        {
            return FrequencyInterval ?? "on";
        }

        var unit = Type ?? string.Empty;
        if (value == 1 && unit.EndsWith("s", StringComparison.Ordinal))
        {
            unit = unit.Substring(0, unit.Length - 1);
        }

        return (value.ToString(CultureInfo.InvariantCulture) + " " + unit).Trim();
    }
}
