using System;
using System.Globalization;
using EntraStrongAuth.Core.Errors;

namespace EntraStrongAuth.Engine.Connection;

/// <summary>
/// -TenantId (or AZURE_TENANT_ID) becomes a path segment of the authority URL, so only a tenant ID (a GUID) or a DNS
/// name (contoso.onmicrosoft.com, or a single label such as <c>organizations</c>) is accepted: anything else
/// (<c>contoso/../../x?y=1</c>) would change which URL the sign-in goes to, and is refused as an argument before any
/// request is made.
/// </summary>
internal static class TenantIdCheck
{
    private const int MaxNameLength = 253;
    private const int MaxLabelLength = 63;

    /// <summary>Null or empty passes (the credential kind decides whether a tenant is required).</summary>
    public static void Validate(string? tenantId)
    {
        if (string.IsNullOrEmpty(tenantId) || Guid.TryParseExact(tenantId, "D", out _))
        {
            return;
        }

        if (Problem(tenantId!) is { } problem)
        {
            throw new EntraStrongAuthException(
                ErrorIds.InvalidTenantId,
                FailureKind.InvalidArgument,
                "-TenantId is neither a tenant ID nor a domain name: " + problem + ".",
                "Pass the tenant ID (a GUID such as 72f988bf-86f1-41af-91ab-2d7cd011db47) or a domain of the tenant (such as contoso.onmicrosoft.com).");
        }
    }

    /// <summary>What is wrong with <paramref name="name"/> as a DNS name (letters, digits and hyphens in dot-separated labels), or null.</summary>
    private static string? Problem(string name)
    {
        if (name.Length > MaxNameLength)
        {
            return "it has " + name.Length + " characters, and a domain name at most " + MaxNameLength;
        }

        var labelStart = 0;
        for (var i = 0; i <= name.Length; i++)
        {
            if (i == name.Length || name[i] == '.')
            {
                var length = i - labelStart;
                if (length == 0)
                {
                    return "an empty label (two dots, or a dot at the start or end) at position " + (i + 1);
                }

                if (length > MaxLabelLength)
                {
                    return "the label at position " + (labelStart + 1) + " is longer than " + MaxLabelLength + " characters";
                }

                if (name[labelStart] == '-' || name[i - 1] == '-')
                {
                    return "a label starts or ends with '-' at position " + (name[labelStart] == '-' ? labelStart + 1 : i);
                }

                labelStart = i + 1;
                continue;
            }

            var c = name[i];
            if (!IsAsciiLetterOrDigit(c) && c != '-')
            {
                return "the character " + Describe(c) + " at position " + (i + 1) + " is not allowed";
            }
        }

        return null;
    }

    private static bool IsAsciiLetterOrDigit(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9');

    // A control or other invisible character is named by its code point, so the message cannot drive the terminal.
    private static string Describe(char c) =>
        c is > ' ' and < (char)0x7F ? "'" + c + "'" : "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
}
