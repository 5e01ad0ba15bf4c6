# Reuse of a Connect-MgGraph session: the built module against the Graph simulator, with a stand-in of the Graph
# PowerShell SDK's authentication module (Support/Microsoft.Graph.Authentication: same name, same command shapes; the
# real one is not installable here). The simulator accepts only the session's tokens, so every answered request
# carried one of them; the stand-in counts the requests made through it, so a second sign-in would show.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'Support/GraphSimulator.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'Support/Microsoft.Graph.Authentication') -Force
    $script:scopes = @('AuditLog.Read.All', 'Policy.Read.All', 'openid', 'profile')
    $script:account = 'admin@contoso.example'
    $script:clientId = '14d82eec-204b-4c2f-b7e8-296a70dab67e'

    # The tenant id must be the simulator's, as Get-MgContext's is the signed-in tenant's: read it with a plain token.
    $probe = Start-GraphSimulator -Arguments @('--seed', '42', '--users', '20', '--days', '2')
    Connect-EntraStrongAuth -AccessToken (ConvertTo-SecureString 'probe' -AsPlainText -Force) -GraphEndpoint $probe.BaseUri -ErrorAction Stop
    $script:tenantId = (Get-EntraStrongAuthContext).TenantId
    Disconnect-EntraStrongAuth
    Stop-GraphSimulator $probe

    $claims = @{ TenantId = $tenantId; Account = $account; ClientId = $clientId; Scopes = $scopes }
    $now = [datetimeoffset]::UtcNow
    $script:longToken = New-MgStandInToken @claims -ExpiresOn $now.AddHours(1)
    $script:shortToken = New-MgStandInToken @claims -ExpiresOn $now.AddMinutes(3)
    $script:renewedToken = New-MgStandInToken @claims -ExpiresOn $now.AddHours(2)
    $script:expiredToken = New-MgStandInToken @claims -ExpiresOn $now.AddMinutes(-10)
    # The sample tenant (seed 42, 60 users, 7 days: the sign-ins of samples/signins), so the time range is known.
    $script:sim = Start-GraphSimulator -Arguments @('--seed', '42', '--users', '60', '--days', '7', '--throttle', '200/10s',
        '--token', $longToken, '--token', $shortToken, '--token', $renewedToken)
    $sample = @(Import-SignInLog -Path (Join-Path $PSScriptRoot '../../samples/signins/signins.graph.json'))
    $script:range = @{
        StartTime = ($sample.CreatedDateTime | Measure-Object -Minimum).Minimum.UtcDateTime
        EndTime   = ($sample.CreatedDateTime | Measure-Object -Maximum).Maximum.UtcDateTime.AddSeconds(1)
    }
    Add-MgStandInEnvironment -Name 'Simulator' -GraphEndpoint $sim.BaseUri.TrimEnd('/') -AzureADEndpoint 'https://login.simulator.example'

    function script:Connect-StandIn([string[]] $Tokens, [string] $Environment = 'Simulator') {
        Disconnect-EntraStrongAuth -Confirm:$false
        Set-MgStandInSession -TenantId $tenantId -Account $account -ClientId $clientId -Scopes $scopes -Environment $Environment -Tokens $Tokens
    }

    # Everything a command wrote, in every stream, as text: where a leaked token would show.
    function script:Get-AllText([scriptblock] $Command) {
        $ErrorActionPreference = 'Continue'
        # A terminating error ends the command: keep what it wrote before, and the error.
        $all = @(try { & $Command *>&1 } catch { $_ })
        ($all | Out-String) + ($all | ForEach-Object {
                if ($_ -is [System.Management.Automation.ErrorRecord]) { $_.FullyQualifiedErrorId; $_.ErrorDetails.Message; $_.ErrorDetails.RecommendedAction; $_.Exception.ToString() }
                elseif ($_ -is [System.Management.Automation.InformationalRecord]) { $_.Message }
            } | Out-String)
    }
}

AfterAll {
    Disconnect-EntraStrongAuth -Confirm:$false -ErrorAction SilentlyContinue
    # Later test files must not find a Graph PowerShell session.
    Remove-Module Microsoft.Graph.Authentication -Force -ErrorAction SilentlyContinue
    if ($sim) { Stop-GraphSimulator $sim }
}

Describe 'A Connect-MgGraph session used when the module has no connection' {
    It 'is shown by Get-EntraStrongAuthContext with its scopes and the missing ones, without a request' {
        Connect-StandIn -Tokens $longToken

        $context = Get-EntraStrongAuthContext

        $context.FromGraphSession | Should -BeTrue
        $context.AuthType.ToString() | Should -Be 'GraphSession'
        $context.Source | Should -Be 'Connect-MgGraph'
        $context.Account | Should -Be $account
        $context.TenantId | Should -Be $tenantId
        $context.ClientId | Should -Be $clientId
        $context.GraphEndpoint.AbsoluteUri | Should -Be $sim.BaseUri
        @($context.Scopes) | Should -Be $scopes
        @($context.MissingScopes) | Should -Be @('UserAuthenticationMethod.Read.All', 'GroupMember.Read.All', 'RoleManagement.Read.Directory')
        (Get-MgStandInState).Requests | Should -Be 0
    }

    It 'serves Get-SignInLog with the session''s token, says so once, and signs in only once' {
        Connect-StandIn -Tokens $longToken

        $first = @(Get-SignInLog @range -First 3 -Verbose 4>&1)
        $second = @(Get-SignInLog @range -First 2 -Verbose 4>&1)

        @($first | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }).Count | Should -Be 3
        @($second | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }).Count | Should -Be 2
        $said = @($first + $second | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match 'Connect-MgGraph' })
        $said.Count | Should -Be 1
        $said[0].Message | Should -Match ([regex]::Escape($account))
        $said[0].Message | Should -Match 'lack UserAuthenticationMethod\.Read\.All, GroupMember\.Read\.All, RoleManagement\.Read\.Directory'
        # One request through the session: the one whose Authorization header gave the token, kept for both commands.
        (Get-MgStandInState).Requests | Should -Be 1
    }

    It 'asks the session again when its token nears expiry, and goes on with the renewed one' {
        Connect-StandIn -Tokens $shortToken, $renewedToken

        @(Get-SignInLog @range -First 1).Count | Should -Be 1
        @(Get-SignInLog @range -First 1).Count | Should -Be 1
        # The short token was within the renewal margin, so the session was asked again and gave the renewed one.
        (Get-MgStandInState).TokenIndex | Should -Be 1
        $asked = (Get-MgStandInState).Requests
        $asked | Should -BeGreaterOrEqual 2

        # The renewed token is kept: the next command asks nothing.
        @(Get-SignInLog @range -First 1).Count | Should -Be 1
        (Get-MgStandInState).Requests | Should -Be $asked
    }

    It 'stops with GraphSessionTokenExpired, naming when, when the session hands over an expired token' {
        Connect-StandIn -Tokens $expiredToken

        $err = { Get-SignInLog @range -First 1 -ErrorAction Stop } | Should -Throw -PassThru

        $err.FullyQualifiedErrorId | Should -BeLike 'GraphSessionTokenExpired,*'
        $err.Exception.Message | Should -Match 'expired at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC'
        $err.ErrorDetails.RecommendedAction | Should -Match 'Connect-MgGraph'
    }

    It 'never prints the token, in any stream or error' {
        $payloads = foreach ($token in $longToken, $expiredToken) { $token; ($token -split '\.')[1] }

        Connect-StandIn -Tokens $longToken
        $text = Get-AllText { Get-SignInLog @range -First 2 -Verbose -Debug; Get-EntraStrongAuthContext | Format-List * | Out-String; Get-EntraStrongAuthContext | ConvertTo-Json -Depth 5 }
        Connect-StandIn -Tokens $expiredToken
        $text += Get-AllText { Get-SignInLog @range -First 1 -Verbose -Debug }

        $text | Should -Match 'GraphSessionTokenExpired'
        foreach ($secret in $payloads) { $text.Contains($secret) | Should -BeFalse }
    }

    It 'is dropped when the Graph PowerShell session ends (Disconnect-MgGraph)' {
        Connect-StandIn -Tokens $longToken
        (Get-EntraStrongAuthContext).FromGraphSession | Should -BeTrue

        Clear-MgStandInSession

        Get-EntraStrongAuthContext | Should -BeNullOrEmpty
        $err = { Get-SignInLog @range -First 1 -ErrorAction Stop } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'NotConnected,*'
        $err.ErrorDetails.RecommendedAction | Should -Match 'Connect-MgGraph'
    }

    It 'stays in use in a ForEach-Object -Parallel runspace, which does not have the Graph PowerShell module' {
        Connect-StandIn -Tokens $longToken
        @(Get-SignInLog @range -First 1).Count | Should -Be 1

        $manifest = $env:ENTRASTRONGAUTH_TEST_MODULE
        $range2 = $range
        $inParallel = 1 | ForEach-Object -Parallel {
            Import-Module $using:manifest
            $r = $using:range2
            [pscustomobject]@{ FromGraphSession = (Get-EntraStrongAuthContext).FromGraphSession; Count = @(Get-SignInLog @r -First 2).Count }
        }

        $inParallel.FromGraphSession | Should -BeTrue
        $inParallel.Count | Should -Be 2
        (Get-EntraStrongAuthContext).FromGraphSession | Should -BeTrue
        (Get-MgStandInState).Requests | Should -Be 1
    }

    It 'takes the cloud from the session: <Environment> is <Endpoint>' -ForEach @(
        @{ Environment = 'USGov'; Endpoint = 'https://graph.microsoft.us/' }
        @{ Environment = 'USGovDoD'; Endpoint = 'https://dod-graph.microsoft.us/' }
        @{ Environment = 'China'; Endpoint = 'https://microsoftgraph.chinacloudapi.cn/' }
        @{ Environment = 'Global'; Endpoint = 'https://graph.microsoft.com/' }
    ) {
        Connect-StandIn -Tokens $longToken -Environment $Environment

        $context = Get-EntraStrongAuthContext

        $context.Environment | Should -Be $Environment
        $context.GraphEndpoint.AbsoluteUri | Should -Be $Endpoint
        Disconnect-EntraStrongAuth -Confirm:$false
    }

    It 'is not used while the module has a connection of its own' {
        Connect-StandIn -Tokens $longToken
        Connect-EntraStrongAuth -AccessToken (ConvertTo-SecureString $longToken -AsPlainText -Force) -GraphEndpoint $sim.BaseUri -ErrorAction Stop

        @(Get-SignInLog @range -First 1).Count | Should -Be 1

        (Get-EntraStrongAuthContext).FromGraphSession | Should -BeFalse
        (Get-MgStandInState).Requests | Should -Be 0
    }
}

Describe 'Connect-EntraStrongAuth -UseGraphSession' {
    It 'adopts the session explicitly, proving it with one request' {
        Connect-StandIn -Tokens $longToken

        $context = Connect-EntraStrongAuth -UseGraphSession -PassThru -ErrorAction Stop

        $context.FromGraphSession | Should -BeTrue
        $context.TenantId | Should -Be $tenantId
        $context.TenantDisplayName | Should -Not -BeNullOrEmpty
        $context.Account | Should -Be $account
        @($context.MissingScopes) | Should -Contain 'UserAuthenticationMethod.Read.All'
        @(Get-SignInLog @range -First 1).Count | Should -Be 1
        (Get-MgStandInState).Requests | Should -Be 1
    }

    It 'stops with GraphSessionNotFound when Graph PowerShell is not connected, naming the scopes to ask for' {
        Disconnect-EntraStrongAuth -Confirm:$false
        Clear-MgStandInSession

        $err = { Connect-EntraStrongAuth -UseGraphSession -ErrorAction Stop } | Should -Throw -PassThru

        $err.FullyQualifiedErrorId | Should -BeLike 'GraphSessionNotFound,*'
        $err.ErrorDetails.RecommendedAction | Should -Match 'Connect-MgGraph -Scopes AuditLog\.Read\.All, Policy\.Read\.All'
    }

    It 'refuses -Environment, which the session decides' {
        Connect-StandIn -Tokens $longToken

        $err = { Connect-EntraStrongAuth -UseGraphSession -Environment USGov -ErrorAction Stop } | Should -Throw -PassThru

        $err.FullyQualifiedErrorId | Should -BeLike 'ParameterConflict,*'
    }
}

Describe 'The scopes the help tells Graph PowerShell users to connect with' {
    It 'are every permission of the module''s table, in <File>' -ForEach @(
        @{ File = 'about_EntraStrongAuth.md'; Section = '(?ms)^### Reusing a Connect-MgGraph session\s*$(.*?)^Least privilege' }
        @{ File = 'Connect-EntraStrongAuth.md'; Section = '(?ms)^The scopes to connect Graph PowerShell with(.*?)$' }
    ) {
        $text = [regex]::Match((Get-Content (Join-Path $PSScriptRoot "../../docs/en-US/$File") -Raw), $Section).Groups[1].Value
        $text.Length | Should -BeGreaterThan 100
        $permissions = @([EntraStrongAuth.Core.Connection.ModulePermissions]::All.Name)
        $permissions.Count | Should -BeGreaterOrEqual 5
        foreach ($permission in $permissions) { $text | Should -Match ([regex]::Escape($permission)) }
    }
}
