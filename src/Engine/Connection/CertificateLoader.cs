using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using EntraStrongAuth.Core.Connection;
using EntraStrongAuth.Core.Errors;

namespace EntraStrongAuth.Engine.Connection;

/// <summary>
/// Finds or loads the app's certificate and checks it can sign (has a private key) before any request, so the user
/// gets "not found in CurrentUser\My" or "no private key" instead of a generic sign-in failure.
/// </summary>
internal static class CertificateLoader
{
    private static readonly StoreLocation[] SearchOrder = { StoreLocation.CurrentUser, StoreLocation.LocalMachine };

    /// <summary>A loaded certificate, or for a PEM file its path (Azure.Identity reads PEM itself; netstandard2.0 cannot).</summary>
    public readonly struct Loaded
    {
        public Loaded(X509Certificate2? certificate, string? pemPath)
        {
            Certificate = certificate;
            PemPath = pemPath;
        }

        public X509Certificate2? Certificate { get; }

        public string? PemPath { get; }
    }

    public static Loaded Load(CertificateSource source)
    {
        if (source.Certificate is { } given)
        {
            return new Loaded(RequirePrivateKey(given, source), null);
        }

        if (source.Path is { } path)
        {
            return LoadFile(path, source);
        }

        return new Loaded(RequirePrivateKey(FindInStores(source), source), null);
    }

    private static Loaded LoadFile(string path, CertificateSource source)
    {
        if (!File.Exists(path))
        {
            throw new EntraStrongAuthException(ErrorIds.CertificateNotFound, FailureKind.ObjectNotFound, "The certificate file '" + path + "' does not exist.", "Check -CertificatePath.");
        }

        if (IsPem(path))
        {
            if (File.ReadAllText(path).IndexOf("PRIVATE KEY-----", StringComparison.Ordinal) < 0)
            {
                throw NoPrivateKey(source);
            }

            return new Loaded(null, path);
        }

        try
        {
            var certificate = source.Password is null
                ? new X509Certificate2(path)
                : new X509Certificate2(path, source.Password);
            return new Loaded(RequirePrivateKey(certificate, source), null);
        }
        catch (CryptographicException ex)
        {
            throw new EntraStrongAuthException(
                ErrorIds.CertificateUnreadable,
                FailureKind.InvalidData,
                "The certificate file '" + path + "' could not be read as PFX/PKCS#12 or PEM: " + ex.Message,
                "Check the file and -CertificatePassword (a PFX export usually has a password).",
                ex);
        }
    }

    private static bool IsPem(string path)
    {
        var head = new byte[64];
        int read;
        using (var stream = File.OpenRead(path))
        {
            read = stream.Read(head, 0, head.Length);
        }

        return Encoding.ASCII.GetString(head, 0, read).TrimStart().StartsWith("-----BEGIN", StringComparison.Ordinal);
    }

    private static X509Certificate2 FindInStores(CertificateSource source)
    {
        foreach (var location in SearchOrder)
        {
            var found = FindIn(location, source);
            if (found is not null)
            {
                return found;
            }
        }

        throw new EntraStrongAuthException(
            ErrorIds.CertificateNotFound,
            FailureKind.ObjectNotFound,
            "No certificate with " + source + " was found in CurrentUser\\My or LocalMachine\\My.",
            "Import the certificate with its private key into the current user's personal store, or pass -CertificatePath.");
    }

    private static X509Certificate2? FindIn(StoreLocation location, CertificateSource source)
    {
        try
        {
            using var store = new X509Store(StoreName.My, location);
            store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
            if (source.Thumbprint is { } thumbprint)
            {
                var normalized = new string(thumbprint.Where(Uri.IsHexDigit).ToArray());
                return store.Certificates.Find(X509FindType.FindByThumbprint, normalized, validOnly: false).Cast<X509Certificate2>().FirstOrDefault();
            }

            // Several certificates can share a subject during a rollover: the valid one that expires last is the new one.
            var now = DateTime.Now;
            return store.Certificates.Find(X509FindType.FindBySubjectName, TrimSubject(source.SubjectName!), validOnly: false)
                .Cast<X509Certificate2>()
                .Where(c => c.NotBefore <= now && c.NotAfter >= now)
                .OrderByDescending(c => c.NotAfter)
                .FirstOrDefault();
        }
        catch (CryptographicException)
        {
            // The store does not exist here (e.g. LocalMachine\My on Linux): nothing to find in it.
            return null;
        }
    }

    // Connect-MgGraph accepts "CN=name"; the store's subject-name search wants the bare name.
    private static string TrimSubject(string subject) =>
        subject.StartsWith("CN=", StringComparison.OrdinalIgnoreCase) ? subject.Substring(3) : subject;

    private static X509Certificate2 RequirePrivateKey(X509Certificate2 certificate, CertificateSource source) =>
        certificate.HasPrivateKey ? certificate : throw NoPrivateKey(source);

    private static EntraStrongAuthException NoPrivateKey(CertificateSource source) => new(
        ErrorIds.CertificateHasNoPrivateKey,
        FailureKind.InvalidArgument,
        "The certificate (" + source + ") has no private key, so it cannot sign in.",
        "Use the certificate with its private key (a PFX, or a PEM holding both), not the public .cer uploaded to the app registration.");
}
