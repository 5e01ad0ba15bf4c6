using EntraStrongAuth.Core.Strength;
using Microsoft.Graph.Models;

namespace EntraStrongAuth.EnrollmentBaseline;

/// <summary>An SDK authentication method as the evaluator's <see cref="RegisteredMethod"/>: the @odata.type and the details that change what it can do.</summary>
internal static class MethodMapping
{
    public static RegisteredMethod ToRegistered(AuthenticationMethod method) => method switch
    {
        Fido2AuthenticationMethod fido2 => new(Kind(method)) { Id = method.Id, DisplayName = fido2.DisplayName, Aaguid = fido2.AaGuid, CreatedDateTime = method.CreatedDateTime },
        PhoneAuthenticationMethod phone => new(Kind(method))
        {
            Id = method.Id,
            PhoneType = MethodsPolicyResolver.Camel(phone.PhoneType?.ToString()),
            SmsSignInState = MethodsPolicyResolver.Camel(phone.SmsSignInState?.ToString()),
        },
        TemporaryAccessPassAuthenticationMethod pass => new(Kind(method)) { Id = method.Id, IsUsableOnce = pass.IsUsableOnce, IsUsable = pass.IsUsable },
        WindowsHelloForBusinessAuthenticationMethod hello => new(Kind(method)) { Id = method.Id, DisplayName = hello.DisplayName },
        _ => new(Kind(method)) { Id = method.Id },
    };

    // The SDK keeps the wire @odata.type; a method type newer than the SDK still arrives as its base class with it set.
    private static string Kind(AuthenticationMethod method) => method.OdataType ?? "#microsoft.graph.authenticationMethod";
}
