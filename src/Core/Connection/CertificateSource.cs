using System.Security;
using System.Security.Cryptography.X509Certificates;

namespace EntraStrongAuth.Core.Connection;

/// <summary>
/// Where an app's certificate comes from. Exactly one of the members is set; the Engine finds or loads the
/// certificate and checks it has a private key before any request is made.
/// </summary>
public sealed class CertificateSource
{
    private CertificateSource()
    {
    }

    /// <summary>Looked up in CurrentUser\My, then LocalMachine\My (Connect-MgGraph's order).</summary>
    public string? Thumbprint { get; private set; }

    /// <summary>Looked up by subject in the same stores; the valid certificate that expires last wins.</summary>
    public string? SubjectName { get; private set; }

    public X509Certificate2? Certificate { get; private set; }

    /// <summary>A PFX (PKCS#12) or PEM file holding the certificate and its private key.</summary>
    public string? Path { get; private set; }

    public SecureString? Password { get; private set; }

    public static CertificateSource FromThumbprint(string thumbprint) => new() { Thumbprint = thumbprint };

    public static CertificateSource FromSubjectName(string subjectName) => new() { SubjectName = subjectName };

    public static CertificateSource FromCertificate(X509Certificate2 certificate) => new() { Certificate = certificate };

    public static CertificateSource FromFile(string path, SecureString? password) => new() { Path = path, Password = password };

    /// <summary>How the source is named in messages; never includes the password.</summary>
    public override string ToString() =>
        Thumbprint is not null ? "thumbprint " + Thumbprint
        : SubjectName is not null ? "subject " + SubjectName
        : Path is not null ? "file " + Path
        : "certificate " + Certificate?.Thumbprint;
}
