using System;

namespace EntraStrongAuth.Core.Aadsts;

/// <summary>A catalog file that cannot be read at all: not JSON, or not the catalog's shape.</summary>
public sealed class AadstsCatalogFormatException : Exception
{
    public AadstsCatalogFormatException()
    {
    }

    public AadstsCatalogFormatException(string message)
        : base(message)
    {
    }

    public AadstsCatalogFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
