using System.IO.Compression;
using System.Reflection;

namespace EntraStrongAuth.Engine.SignIns;

/// <summary>
/// The CRC-32 a ZIP archive stores for an entry. ZipArchiveEntry.Crc32 is public from .NET Core 3.0 (PowerShell 7)
/// but not in netstandard2.0's reference surface, so it is found by reflection, once. On .NET Framework (Windows
/// PowerShell 5.1) it does not exist: there the stored checksum is unknown and entries are read unchecked, as the
/// Import-SignInLog help says.
/// </summary>
internal static class ZipEntryChecksum
{
    private static readonly PropertyInfo? Crc32Property = FindCrc32Property();

    /// <summary>The entry's stored CRC-32, or null when this runtime does not expose it.</summary>
    public static uint? Stored(ZipArchiveEntry entry) =>
        Crc32Property?.GetValue(entry) is uint stored ? stored : null;

    private static PropertyInfo? FindCrc32Property()
    {
        var property = typeof(ZipArchiveEntry).GetProperty("Crc32", BindingFlags.Public | BindingFlags.Instance);
        return property is { CanRead: true } && property.PropertyType == typeof(uint) && property.GetIndexParameters().Length == 0 ? property : null;
    }
}
