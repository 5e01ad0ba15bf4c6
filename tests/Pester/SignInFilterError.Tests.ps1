# Get-SignInLog -Filter as the user meets it: a property Graph does not filter sign-ins on is refused before anything
# is read, and the recommendation lists every property it does, from the module's own table.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'Support/GraphSimulator.psm1') -Force
    $script:sim = Start-GraphSimulator -Arguments @('--seed', '42', '--users', '10', '--days', '1')
    Connect-EntraStrongAuth -AccessToken (ConvertTo-SecureString 'pester-filter' -AsPlainText -Force) -GraphEndpoint $sim.BaseUri -ErrorAction Stop
}

AfterAll {
    Disconnect-EntraStrongAuth -Confirm:$false -ErrorAction SilentlyContinue
    if ($sim) { Stop-GraphSimulator $sim }
}

Describe 'Get-SignInLog -Filter with a property Graph does not filter on' {
    It 'stops with InvalidFilter naming it, and recommends every property the filter accepts' {
        $before = (Invoke-RestMethod ($sim.BaseUri + '_sim/stats')).signInsRequests

        $err = { Get-SignInLog -Filter "appId eq 'x' and isInteractive eq true" -ErrorAction Stop } | Should -Throw -PassThru

        $err.FullyQualifiedErrorId | Should -BeLike 'InvalidFilter,*'
        $err.Exception.Message | Should -Match "'isInteractive' at position 18"
        # The table is internal to Core: read it by reflection, so the test follows it as it grows.
        $table = [EntraStrongAuth.Core.Errors.ErrorIds].Assembly.GetType('EntraStrongAuth.Core.Retrieval.SignInFilterProperties', $true)
        $paths = @($table.GetProperty('All').GetValue($null) | ForEach-Object { $_.GetType().GetProperty('Path').GetValue($_) })
        $paths.Count | Should -BeGreaterOrEqual 30
        foreach ($path in $paths) { $err.ErrorDetails.RecommendedAction | Should -Match ([regex]::Escape($path)) }
        (Invoke-RestMethod ($sim.BaseUri + '_sim/stats')).signInsRequests | Should -Be $before
    }
}
