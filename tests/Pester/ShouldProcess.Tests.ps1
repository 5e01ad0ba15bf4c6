# -WhatIf/-Confirm wherever a command writes files or changes state: a guard over every exported command, so a new
# command (or a new -OutFile on an old one) cannot ship without them.
BeforeDiscovery {
    # Verbs that change state by their meaning (Get-Verb's Common, Data and Lifecycle verbs that write or remove).
    # Connect is not among them: like Connect-MgGraph, it makes the session the user asked for and nothing else.
    $script:stateVerbs = @('Add', 'Clear', 'Disable', 'Disconnect', 'Enable', 'Export', 'Install', 'Move', 'New', 'Publish',
        'Register', 'Remove', 'Rename', 'Reset', 'Restore', 'Save', 'Send', 'Set', 'Start', 'Stop', 'Uninstall', 'Unregister',
        'Update', 'Write')
    # Parameters that write a file or overwrite one.
    $script:writingParameters = @('OutFile', 'OutputPath', 'Force')
    $script:commands = @(Get-Command -Module EntraStrongAuth | ForEach-Object {
            $writes = @($_.Parameters.Keys | Where-Object { $_ -in $writingParameters })
            @{ Name = $_.Name; Verb = $_.Verb; Writes = $writes; StateVerb = $_.Verb -in $stateVerbs }
        })
    $script:writers = @($commands | Where-Object { $_.StateVerb -or $_.Writes.Count -gt 0 })
}

Describe 'ShouldProcess on commands that write or change state' {
    It 'finds the commands that write files or change state (the guard guards something)' {
        # Get-SignInLog -OutFile, Get-StrongAuthKql -OutputPath and Disconnect-EntraStrongAuth today.
        $writers.Name | Should -Contain 'Get-SignInLog'
        $writers.Name | Should -Contain 'Get-StrongAuthKql'
        $writers.Name | Should -Contain 'Disconnect-EntraStrongAuth'
    }

    It '<Name> (<Verb>; writes with: <Writes>) supports -WhatIf and -Confirm' -ForEach $writers {
        $command = Get-Command $Name
        $command.Parameters.Keys | Should -Contain 'WhatIf'
        $command.Parameters.Keys | Should -Contain 'Confirm'
    }
}

Describe 'Disconnect-EntraStrongAuth -WhatIf' {
    BeforeAll {
        Import-Module (Join-Path $PSScriptRoot 'Support/GraphSimulator.psm1') -Force
        $script:sim = Start-GraphSimulator -Arguments @('--seed', '7', '--users', '5', '--days', '1')
    }

    AfterAll {
        Disconnect-EntraStrongAuth -ErrorAction SilentlyContinue
        if ($sim) { Stop-GraphSimulator $sim }
    }

    It 'keeps the connection with -WhatIf, and removes it with -Confirm:$false' {
        Connect-EntraStrongAuth -AccessToken (ConvertTo-SecureString 'pester-whatif' -AsPlainText -Force) -GraphEndpoint $sim.BaseUri -ErrorAction Stop
        $tenant = (Get-EntraStrongAuthContext).TenantId
        $tenant | Should -Not -BeNullOrEmpty

        Disconnect-EntraStrongAuth -WhatIf

        (Get-EntraStrongAuthContext).TenantId | Should -Be $tenant

        Disconnect-EntraStrongAuth -Confirm:$false
        Get-EntraStrongAuthContext | Should -BeNullOrEmpty
    }

    It 'asks nothing and reports nothing when not connected' {
        Disconnect-EntraStrongAuth -ErrorAction SilentlyContinue
        { Disconnect-EntraStrongAuth -WhatIf -ErrorAction Stop } | Should -Not -Throw
        Disconnect-EntraStrongAuth -WhatIf | Should -BeNullOrEmpty
    }
}
