namespace EntraStrongAuth.SignInGenerator.Personas;

/// <summary>A GitHub Actions workflow that logs in with az login -u/-p as a user on every push, from GitHub's runners.</summary>
internal sealed class GitHubActionsAzLogin : ScriptPersona
{
    public GitHubActionsAzLogin()
        : base("GitHubActionsAzLogin", "svc-github-deploy", "Deploy workflow on GitHub-hosted runners (AS36459, a new address each run): az login -u/-p (ROPC) "
            + "on each push, 0-4 runs a working day at working hours; 50076 once the Azure MFA policy is enforced.")
    {
    }

    public override void Generate(DayContext day)
    {
        int runs = !day.IsWorkday ? 0 : day.IsAnchorDay ? 2 : day.Random.Next(5);
        for (int i = 0; i < runs; i++)
        {
            var signIn = ScriptSignIn.Run(day, day.WorkingTime(), MicrosoftApps.AzureCli, MicrosoftApps.AzureManagement, Clients.AzureCliGitHubActions,
                Places.GitHubRunners, interactive: true, protocol: "ropc");
            signIn.IpAddress = Places.GitHubRunners.Ip(day.Random.Next(4000));
        }
    }
}
