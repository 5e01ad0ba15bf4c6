using System.Collections.Generic;
using System.Text.Json;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Core.Policies;
using EntraStrongAuth.Core.Strength;
using EntraStrongAuth.Engine.Policies;

namespace EntraStrongAuth.Engine.Enrollment;

/// <summary>
/// One authenticationMethod object (<c>users/{id}/authentication/methods</c>) into a <see cref="RegisteredMethod"/>.
/// The @odata.type decides the kind; a type this version does not know is kept by its kind, never dropped, so the
/// evaluator can say it saw a method it cannot judge. Older doc samples spell some fields differently
/// (<c>odata.type</c>, <c>authenticationPhoneType</c>, <c>creationDateTime</c>): both spellings read.
/// </summary>
internal static class MethodJsonParser
{
    public const string InvalidRecord = ErrorIds.MethodRecordInvalid;

    private const string PhoneKind = "phoneAuthenticationMethod";

    /// <summary>The method, or null with a problem added when it cannot be read.</summary>
    public static RegisteredMethod? Parse(JsonElement item, string source, int record, List<PolicyReadProblem> problems) =>
        EnrollmentRecord.Read(item, source, record, InvalidRecord, "authentication method", problems, method =>
        {
            var kind = RegisteredMethod.NormalizeKind(Kind(method));
            var isPhone = kind == PhoneKind;
            return new RegisteredMethod(kind)
            {
                Id = PolicyJson.String(method, "id"),
                DisplayName = PolicyJson.String(method, "displayName"),
                CreatedDateTime = PolicyJson.Date(method, "createdDateTime") ?? PolicyJson.Date(method, "creationDateTime"),
                Aaguid = PolicyJson.String(method, "aaGuid"),
                PhoneType = isPhone ? PolicyJson.String(method, "phoneType") ?? PolicyJson.String(method, "authenticationPhoneType") : null,
                SmsSignInState = PolicyJson.String(method, "smsSignInState"),
                IsUsableOnce = PolicyJson.Boolean(method, "isUsableOnce"),
                IsUsable = PolicyJson.Boolean(method, "isUsable"),
                CertificateIssuer = PolicyJson.String(method, "issuer") ?? PolicyJson.String(method, "issuerSubject"),
                CertificateIssuerSki = PolicyJson.String(method, "issuerSki"),
                CertificatePolicyOids = PolicyJson.Strings(method, "policyOids"),
            };
        });

    // The list of one kind (users/{id}/authentication/phoneMethods) omits @odata.type; a phone number says what it is.
    private static string Kind(JsonElement method)
    {
        if ((PolicyJson.String(method, "@odata.type") ?? PolicyJson.String(method, "odata.type")) is { } type)
        {
            return type;
        }

        if (PolicyJson.Has(method, "phoneNumber") || PolicyJson.Has(method, "phoneType"))
        {
            return PhoneKind;
        }

        throw new PolicyShapeException("@odata.type", "the method's type, such as #microsoft.graph.fido2AuthenticationMethod");
    }
}
