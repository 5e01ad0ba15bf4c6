namespace EntraStrongAuth.SignInGenerator.TenantAuth;

/// <summary>
/// FIDO2 authenticator models by AAGUID (values from the public FIDO metadata service, so tests can use real ones).
/// The tenant approves one model; a few users own the other, which the custom strength then rejects.
/// </summary>
internal static class Fido2Keys
{
    public const string ApprovedAaGuid = "fa2b99dc-9e39-4257-8f92-4a30d23c4118";
    public const string ApprovedModel = "YubiKey 5 Series with NFC";
    public const string OtherAaGuid = "c5ef55ff-ad9a-4b9f-b580-adebafe026d0";
    public const string OtherModel = "YubiKey 5Ci";
}
