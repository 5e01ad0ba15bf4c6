using System.IO;
using EntraStrongAuth.Engine.Enrollment;
using Xunit;

namespace EntraStrongAuth.Tests.Enrollment;

/// <summary>Test-MfaEnrollment -Path tells file kinds apart by content: the Graph docs examples and hand-made shapes.</summary>
public class EnrollmentFileSnifferTests
{
    private static string Fixture(string name) => Path.Combine(System.AppContext.BaseDirectory, "Enrollment", "Fixtures", name);

    [Theory]
    [InlineData("registration-details.v1-list.json", EnrollmentFileKind.RegistrationJson)]
    [InlineData("methods.v1-list.json", EnrollmentFileKind.UserMethods)]
    [InlineData("methods.beta-list.json", EnrollmentFileKind.UserMethods)]
    [InlineData("phone-methods.v1-list.json", EnrollmentFileKind.UserMethods)]
    [InlineData("methods-policy.json", EnrollmentFileKind.MethodsPolicy)]
    public void Graph_examples_are_recognised(string file, EnrollmentFileKind expected) =>
        Assert.Equal(expected, EnrollmentFileSniffer.Detect(Fixture(file)));

    [Theory]
    [InlineData("{\"value\":[{\"id\":\"00000000-0000-0000-0000-000000000004\",\"allowedCombinations\":[\"fido2\"]}]}", EnrollmentFileKind.PoliciesOrStrengths)]
    [InlineData("[{\"id\":\"p1\",\"displayName\":\"CA001\",\"grantControls\":{\"builtInControls\":[\"mfa\"]}}]", EnrollmentFileKind.PoliciesOrStrengths)]
    [InlineData("{\"hello\":\"world\"}", EnrollmentFileKind.Unknown)]
    public void Other_shapes_are_told_apart(string json, EnrollmentFileKind expected)
    {
        var file = Path.Combine(Path.GetTempPath(), Path.GetRandomFileName() + ".json");
        File.WriteAllText(file, json);
        try
        {
            Assert.Equal(expected, EnrollmentFileSniffer.Detect(file));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_csv_is_a_registration_export_and_a_methods_response_names_its_user_in_the_context_or_the_file_name()
    {
        Assert.Equal(EnrollmentFileKind.RegistrationExport, EnrollmentFileSniffer.Detect("any.CSV"));
        var file = Path.Combine(Path.GetTempPath(), "kim@contoso.com.json");
        File.WriteAllText(file, "{\"value\":[{\"@odata.type\":\"#microsoft.graph.passwordAuthenticationMethod\",\"id\":\"1\"}]}");
        var withContext = Path.Combine(Path.GetTempPath(), Path.GetRandomFileName() + ".json");
        File.WriteAllText(withContext, "{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#users('ann%40contoso.com')/authentication/methods\",\"value\":[]}");
        try
        {
            Assert.Equal("kim@contoso.com", EnrollmentFileSniffer.UserOfMethodsFile(file));
            Assert.Equal("ann@contoso.com", EnrollmentFileSniffer.UserOfMethodsFile(withContext));
            Assert.Equal(EnrollmentFileKind.UserMethods, EnrollmentFileSniffer.Detect(withContext));
        }
        finally
        {
            File.Delete(file);
            File.Delete(withContext);
        }
    }
}
