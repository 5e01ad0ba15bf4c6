using System;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace EntraStrongAuth.Tests.Connection;

/// <summary>Self-signed certificates made on the fly, as an admin makes one for an app registration.</summary>
internal static class TestCertificates
{
    public static X509Certificate2 Create(string subject)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=" + subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(30));

        // Round-trip through PKCS#12 so the private key is usable on every platform (and storable in X509Store).
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), password: null, X509KeyStorageFlags.Exportable);
    }

    /// <summary>The x5t#S256 header (SHA-256 thumbprint) a client assertion signed with <paramref name="certificate"/> carries.</summary>
    public static string X5t(X509Certificate2 certificate) =>
        Convert.ToBase64String(certificate.GetCertHash(HashAlgorithmName.SHA256)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
