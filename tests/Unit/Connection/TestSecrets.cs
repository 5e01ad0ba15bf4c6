using System.Security;

namespace EntraStrongAuth.Tests.Connection;

internal static class TestSecrets
{
    public static SecureString Secure(string text)
    {
        var secure = new SecureString();
        foreach (var c in text)
        {
            secure.AppendChar(c);
        }

        return secure;
    }
}
