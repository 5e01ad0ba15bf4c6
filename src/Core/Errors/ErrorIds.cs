namespace EntraStrongAuth.Core.Errors;

/// <summary>
/// Every error id the module raises: the part of an error's FullyQualifiedErrorId before the comma. Scripts match on
/// them (<c>$_.FullyQualifiedErrorId -like 'SignInLogEmpty,*'</c>), so they never change once shipped. Each one is
/// documented in the ERRORS section of about_EntraStrongAuth (a test holds this class and that list equal), with its
/// category and whether it stops the command; a new id is added here, there, and in the help of its commands.
/// </summary>
public static class ErrorIds
{
    // Anything not foreseen: a defect, reported with its type and message, never a raw stack trace.
    public const string UnexpectedError = nameof(UnexpectedError);

    // Sessions: Connect-EntraStrongAuth, and every live command.
    public const string AuthenticationFailed = nameof(AuthenticationFailed);
    public const string CertificateHasNoPrivateKey = nameof(CertificateHasNoPrivateKey);
    public const string CertificateNotFound = nameof(CertificateNotFound);
    public const string CertificateUnreadable = nameof(CertificateUnreadable);
    public const string DeviceCodeNeedsHost = nameof(DeviceCodeNeedsHost);
    public const string EnvironmentUserPasswordRefused = nameof(EnvironmentUserPasswordRefused);
    public const string EnvironmentVariableMissing = nameof(EnvironmentVariableMissing);
    public const string FederatedTokenFileNotFound = nameof(FederatedTokenFileNotFound);
    public const string IncompleteCustomEnvironment = nameof(IncompleteCustomEnvironment);
    public const string InvalidAuthorityHost = nameof(InvalidAuthorityHost);
    public const string InvalidTenantId = nameof(InvalidTenantId);
    public const string InvalidThrottleWindow = nameof(InvalidThrottleWindow);
    public const string MissingConnectionParameter = nameof(MissingConnectionParameter);
    public const string NotConnected = nameof(NotConnected);

    /// <summary>Connect-EntraStrongAuth -UseGraphSession found no connected Microsoft Graph PowerShell session.</summary>
    public const string GraphSessionNotFound = nameof(GraphSessionNotFound);

    /// <summary>The Graph PowerShell session's token could not be read (request failed, no Authorization header, no command running).</summary>
    public const string GraphSessionTokenUnavailable = nameof(GraphSessionTokenUnavailable);

    /// <summary>The Graph PowerShell session handed over a token that had already expired.</summary>
    public const string GraphSessionTokenExpired = nameof(GraphSessionTokenExpired);
    public const string UnsupportedCredential = nameof(UnsupportedCredential);

    // Graph answers.
    public const string GraphBadRequest = nameof(GraphBadRequest);
    public const string GraphPermissionDenied = nameof(GraphPermissionDenied);
    public const string GraphRequestFailed = nameof(GraphRequestFailed);
    public const string GraphThrottled = nameof(GraphThrottled);
    public const string GraphUnauthorized = nameof(GraphUnauthorized);
    public const string GraphUnavailable = nameof(GraphUnavailable);
    public const string GraphUnreachable = nameof(GraphUnreachable);
    public const string MissingDirectoryRole = nameof(MissingDirectoryRole);
    public const string NoPremiumLicense = nameof(NoPremiumLicense);

    // Log Analytics workspace answers (-WorkspaceId).
    public const string WorkspaceAccessDenied = nameof(WorkspaceAccessDenied);
    public const string WorkspaceFilterUnsupported = nameof(WorkspaceFilterUnsupported);
    public const string WorkspaceNotFound = nameof(WorkspaceNotFound);
    public const string WorkspaceQueryFailed = nameof(WorkspaceQueryFailed);
    public const string WorkspaceTableMissing = nameof(WorkspaceTableMissing);
    public const string WorkspaceThrottled = nameof(WorkspaceThrottled);
    public const string WorkspaceTimeout = nameof(WorkspaceTimeout);
    public const string WorkspaceTokenUnavailable = nameof(WorkspaceTokenUnavailable);
    public const string WorkspaceUnavailable = nameof(WorkspaceUnavailable);

    // Resolve-AadstsError and its catalog.
    public const string AadstsCatalogFileNotFound = nameof(AadstsCatalogFileNotFound);
    public const string AadstsCatalogFileUnreadable = nameof(AadstsCatalogFileUnreadable);
    public const string InvalidAadstsCatalogEntry = nameof(InvalidAadstsCatalogEntry);
    public const string InvalidAadstsCatalogFile = nameof(InvalidAadstsCatalogFile);
    public const string InvalidAadstsCode = nameof(InvalidAadstsCode);
    public const string NoAadstsCodeInMessage = nameof(NoAadstsCodeInMessage);
    public const string UnknownAadstsCode = nameof(UnknownAadstsCode);

    // Sign-in logs: paths, files, records and piped objects.
    public const string InvalidSignInObject = nameof(InvalidSignInObject);
    public const string SignInCsvRowMismatch = nameof(SignInCsvRowMismatch);
    public const string SignInFieldInvalid = nameof(SignInFieldInvalid);
    public const string SignInLogEmpty = nameof(SignInLogEmpty);
    public const string SignInLogFormatUnknown = nameof(SignInLogFormatUnknown);
    public const string SignInLogTruncated = nameof(SignInLogTruncated);
    public const string SignInLogUnreadable = nameof(SignInLogUnreadable);
    public const string SignInPathNotFileSystem = nameof(SignInPathNotFileSystem);
    public const string SignInPathNotFound = nameof(SignInPathNotFound);
    public const string SignInPathUnreadable = nameof(SignInPathUnreadable);
    public const string SignInRecordInvalid = nameof(SignInRecordInvalid);

    // Sign-in commands' arguments, and Get-SignInLog's pulls to a file.
    public const string CheckpointUnreadable = nameof(CheckpointUnreadable);
    public const string ClassificationDataInvalid = nameof(ClassificationDataInvalid);
    public const string ClassificationDataNotFound = nameof(ClassificationDataNotFound);
    public const string InvalidFilter = nameof(InvalidFilter);
    public const string InvalidResolutionWindow = nameof(InvalidResolutionWindow);
    public const string InvalidTimeRange = nameof(InvalidTimeRange);
    public const string NothingToResume = nameof(NothingToResume);
    public const string OutFileExists = nameof(OutFileExists);

    // Get-StrongAuthKql.
    public const string KqlOutputPathInvalid = nameof(KqlOutputPathInvalid);
    public const string KqlQueryNotFound = nameof(KqlQueryNotFound);

    // Policies and authentication strengths.
    public const string AuthenticationStrengthInvalid = nameof(AuthenticationStrengthInvalid);
    public const string AuthenticationStrengthNotFound = nameof(AuthenticationStrengthNotFound);
    public const string PolicyFileUnreadable = nameof(PolicyFileUnreadable);
    public const string PolicyPathNotFileSystem = nameof(PolicyPathNotFileSystem);
    public const string PolicyPathNotFound = nameof(PolicyPathNotFound);
    public const string PolicyRecordInvalid = nameof(PolicyRecordInvalid);
    public const string PolicyRecordUnrecognized = nameof(PolicyRecordUnrecognized);
    public const string StrengthConfigurationUnknown = nameof(StrengthConfigurationUnknown);
    public const string StrengthRecordInvalid = nameof(StrengthRecordInvalid);
    public const string StrongAuthPolicyInvalid = nameof(StrongAuthPolicyInvalid);
    public const string StrongAuthPolicyNotFound = nameof(StrongAuthPolicyNotFound);
    public const string StrongAuthPolicyStrengthUnknown = nameof(StrongAuthPolicyStrengthUnknown);

    // Enrollment: registration data, methods and the methods policy.
    public const string EnrollmentFileUnreadable = nameof(EnrollmentFileUnreadable);
    public const string MethodRecordInvalid = nameof(MethodRecordInvalid);
    public const string MethodsPolicyConfigurationInvalid = nameof(MethodsPolicyConfigurationInvalid);
    public const string MethodsPolicyGroupUnreadable = nameof(MethodsPolicyGroupUnreadable);
    public const string DirectoryMembershipUnreadable = nameof(DirectoryMembershipUnreadable);
    public const string DirectoryMembersRecordInvalid = nameof(DirectoryMembersRecordInvalid);
    public const string MethodsPolicyInvalid = nameof(MethodsPolicyInvalid);
    public const string MethodsPolicyUnreadable = nameof(MethodsPolicyUnreadable);
    public const string ParameterConflict = nameof(ParameterConflict);
    public const string RegistrationExportColumnsUnknown = nameof(RegistrationExportColumnsUnknown);
    public const string RegistrationExportEmpty = nameof(RegistrationExportEmpty);
    public const string RegistrationExportRowInvalid = nameof(RegistrationExportRowInvalid);
    public const string RegistrationRecordInvalid = nameof(RegistrationRecordInvalid);
    public const string UserMethodsUnavailable = nameof(UserMethodsUnavailable);
    public const string UserNotFound = nameof(UserNotFound);
    public const string NoEnrollmentTarget = nameof(NoEnrollmentTarget);
    public const string InvalidUserPrincipalName = nameof(InvalidUserPrincipalName);

    // Test-StrongAuthRemediation.
    public const string FixedAtInFuture = nameof(FixedAtInFuture);
    public const string InvalidRemediationSubject = nameof(InvalidRemediationSubject);
    public const string InvalidRemediationWindow = nameof(InvalidRemediationWindow);
    public const string NoRemediationSubject = nameof(NoRemediationSubject);

    // Debug-StrongAuthFailure.
    public const string DiagnosisTargetMissing = nameof(DiagnosisTargetMissing);
    public const string DiagnosisFailureNotFound = nameof(DiagnosisFailureNotFound);
    public const string DiagnosisInputUnreadable = nameof(DiagnosisInputUnreadable);

    // Test-StrongAuthReadiness.
    public const string ReadinessPolicyMissing = nameof(ReadinessPolicyMissing);

    // Export-StrongAuthReport.
    public const string InvalidReportInput = nameof(InvalidReportInput);
    public const string ReportPathInvalid = nameof(ReportPathInvalid);
    public const string ReportWriteFailed = nameof(ReportWriteFailed);
}
