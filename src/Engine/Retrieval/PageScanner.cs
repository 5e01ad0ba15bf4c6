using System;
using System.Text.Json;

namespace EntraStrongAuth.Engine.Retrieval;

/// <summary>
/// Checks that a page body is one complete Graph collection object and finds its <c>@odata.nextLink</c>. A body cut
/// short by a dropped connection fails here, before any of its records is used.
/// </summary>
internal static class PageScanner
{
    /// <param name="body">The response body.</param>
    /// <param name="nextLink">The next page, if any.</param>
    /// <param name="requireValue">False for a single entity (no <c>value</c> array), which must still be one complete object.</param>
    public static bool TryScan(ReadOnlySpan<byte> body, out string? nextLink, bool requireValue = true)
    {
        nextLink = null;
        var reader = new Utf8JsonReader(body, isFinalBlock: true, state: default);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            var sawValue = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isNextLink = reader.ValueTextEquals("@odata.nextLink");
                var isValue = reader.ValueTextEquals("value");
                if (!reader.Read())
                {
                    return false;
                }

                if (isNextLink && reader.TokenType == JsonTokenType.String)
                {
                    nextLink = reader.GetString();
                }
                else if (isValue)
                {
                    if (reader.TokenType != JsonTokenType.StartArray)
                    {
                        return false;
                    }

                    sawValue = true;
                }

                reader.Skip();
            }

            // The object must close, and nothing but whitespace may follow it.
            return (sawValue || !requireValue) && reader.TokenType == JsonTokenType.EndObject && !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
