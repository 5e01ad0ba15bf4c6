using System;
using System.Collections.Generic;
using System.Text.Json;
using EntraStrongAuth.Core.Enrollment;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Core.Policies;
using EntraStrongAuth.Core.Strength;
using EntraStrongAuth.Engine.Connection;
using EntraStrongAuth.Engine.Policies;
using EntraStrongAuth.Engine.Retrieval;

namespace EntraStrongAuth.Engine.Enrollment;

/// <summary>
/// Turns the two batch answers for one user (the user object, the methods list) into a <see cref="UserMethodsLookup"/>:
/// 404 on either is "not found"; a 401 ends the whole read (the token is no good for anyone); any other failure is this
/// user's error, translated with the advice a user can act on.
/// </summary>
internal static class UserMethodsAnswer
{
    public const string NotFound = ErrorIds.UserNotFound;

    public static UserMethodsLookup Build(string requested, BatchAnswer user, BatchAnswer methods, DateTimeOffset readAt, out List<PolicyReadProblem> problems)
    {
        problems = new List<PolicyReadProblem>();
        foreach (var answer in new[] { user, methods })
        {
            if (answer.Status == 401)
            {
                throw Error(answer, EnrollmentRetriever.MethodsPermission);
            }

            if (answer.Status == 404)
            {
                return new UserMethodsLookup(requested) { Found = false, ErrorId = NotFound, ErrorMessage = "Microsoft Graph has no user '" + requested + "'." };
            }
        }

        if (!user.IsSuccess)
        {
            var error = Error(user, "User.Read.All");
            return new UserMethodsLookup(requested) { Found = false, ErrorId = error.ErrorId, ErrorMessage = Describe(error) };
        }

        var body = user.Body;
        var id = Text(body, "id") ?? requested;
        var upn = Text(body, "userPrincipalName");
        var displayName = Text(body, "displayName");
        var userType = Text(body, "userType");
        UserMethodsSnapshot? snapshot = null;
        EntraStrongAuthException? failure = null;
        if (methods.IsSuccess)
        {
            snapshot = new UserMethodsSnapshot(id, Methods(methods.Body, "Graph /v1.0/users/" + id + "/authentication/methods", problems), MethodsSource.Live, readAt)
            {
                UserPrincipalName = upn,
                UserDisplayName = displayName,
                UserType = userType,
            };
        }
        else
        {
            failure = Error(methods, EnrollmentRetriever.MethodsPermission);
        }

        return new UserMethodsLookup(requested)
        {
            Found = true,
            UserId = id,
            UserPrincipalName = upn,
            DisplayName = displayName,
            UserType = userType,
            AccountEnabled = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("accountEnabled", out var enabled) && enabled.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? enabled.GetBoolean()
                : null,
            Methods = snapshot,
            ErrorId = failure?.ErrorId,
            ErrorMessage = failure is null ? null : Describe(failure),
        };
    }

    private static List<RegisteredMethod> Methods(JsonElement body, string source, List<PolicyReadProblem> problems)
    {
        var list = new List<RegisteredMethod>();
        if (PolicyJson.Property(body, "value") is { ValueKind: JsonValueKind.Array } value)
        {
            var record = 0;
            foreach (var item in value.EnumerateArray())
            {
                if (MethodJsonParser.Parse(item, source, ++record, problems) is { } method)
                {
                    list.Add(method);
                }
            }
        }

        return list;
    }

    private static EntraStrongAuthException Error(BatchAnswer answer, string permission)
    {
        var error = GraphErrorBody.From(answer.Body);
        return GraphErrorTranslator.Translate(answer.Status, error.Code, error.Message, permission);
    }

    private static string Describe(EntraStrongAuthException error) =>
        error.RecommendedAction is { Length: > 0 } advice ? error.Message + " " + advice : error.Message;

    private static string? Text(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
