using System;

namespace EntraStrongAuth.Core.Workspace;

/// <summary>
/// Where a page of sign-ins ended: the oldest row delivered, in the order pages are read (CreatedDateTime, then Id,
/// both descending). The next page starts strictly after it, so every row arrives exactly once without de-duplication
/// even when many sign-ins share one instant, and a pull cut at the service's row or size cap resumes where it stopped.
/// </summary>
internal sealed record SignInKeyset(DateTimeOffset CreatedDateTime, string Id);
