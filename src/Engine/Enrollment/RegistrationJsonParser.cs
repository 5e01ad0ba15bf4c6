using System.Collections.Generic;
using System.Text.Json;
using EntraStrongAuth.Core.Enrollment;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Core.Policies;
using EntraStrongAuth.Engine.Policies;

namespace EntraStrongAuth.Engine.Enrollment;

/// <summary>One userRegistrationDetails object (Graph's report row, or the same saved to a file) into a <see cref="UserRegistration"/>.</summary>
internal static class RegistrationJsonParser
{
    public const string InvalidRecord = ErrorIds.RegistrationRecordInvalid;

    /// <summary>The row, or null with a problem added (record number and field) when it cannot be read.</summary>
    public static UserRegistration? Parse(JsonElement item, string source, int record, List<PolicyReadProblem> problems) =>
        EnrollmentRecord.Read(item, source, record, InvalidRecord, "registration report row", problems, row =>
        {
            var defaultMethod = PolicyJson.String(row, "defaultMfaMethod");
            return new UserRegistration(PolicyJson.RequiredString(row, "id"), PolicyJson.String(row, "userPrincipalName"))
            {
                UserDisplayName = PolicyJson.String(row, "userDisplayName"),
                UserType = PolicyJson.String(row, "userType"),
                IsAdmin = PolicyJson.Boolean(row, "isAdmin"),
                IsMfaRegistered = PolicyJson.Boolean(row, "isMfaRegistered"),
                IsMfaCapable = PolicyJson.Boolean(row, "isMfaCapable"),
                IsPasswordlessCapable = PolicyJson.Boolean(row, "isPasswordlessCapable"),
                MethodsRegistered = PolicyJson.Strings(row, "methodsRegistered"),

                // The report writes "" (and v1.0 omits the field) when the user has no default: both mean none.
                DefaultMfaMethod = defaultMethod,
                LastUpdatedDateTime = PolicyJson.Date(row, "lastUpdatedDateTime"),
                Source = source + ", record " + record.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
        });
}
