# Names beside ids (issue 18): Get-StrongAuthPolicy shows the users, groups, roles and apps a policy targets by name,
# with the ids kept, offline (names found in the files, built-in roles, first-party apps) and live against the Graph
# simulator (one getByIds and one $batch), and a tenant that refuses the lookup leaves the ids with one warning.
BeforeAll {
    $script:fixtures = Join-Path $PSScriptRoot '../Unit/Policies/Fixtures'
    $script:policiesFile = Join-Path $fixtures 'ca-policies.beta.json'
    $script:directoryFile = Join-Path $fixtures 'directory-objects.getbyids.json'
    $script:strengthsFile = Join-Path $fixtures 'strengths.page.json'
}

Describe 'Names beside ids offline' {
    It 'names built-in roles and first-party apps from the shipped tables, and leaves unknown ids as ids' {
        $policies = Get-StrongAuthPolicy -Path $policiesFile, $strengthsFile -IncludeDisabled -WarningAction SilentlyContinue
        $admins = $policies | Where-Object DisplayName -like 'CA002*'
        $admins.IncludeRoles | Should -Be @('62e90394-69f5-4237-9190-012177145e10', 'e8611ab8-c189-46e8-94e1-60213ab1f814')
        $admins.IncludeRoleNames | Should -Be @('Global Administrator', 'Privileged Role Administrator')
        $guests = $policies | Where-Object DisplayName -like 'CA006*'
        $guests.ExcludeApplicationNames | Should -Be @('Office 365 Exchange Online', 'Office 365 SharePoint Online')
        $everyone = $policies | Where-Object DisplayName -like 'CA001*'
        $everyone.ExcludeGroupNames | Should -Be @('8d1e2f3a-4b5c-6d7e-8f9a-0b1c2d3e4f5a')
        $everyone.IncludeUserNames | Should -Be @('All')
    }

    It 'names groups, users and apps from saved directory objects given with -Path' {
        $policies = Get-StrongAuthPolicy -Path $policiesFile, $strengthsFile, $directoryFile -IncludeDisabled -ErrorVariable errs -WarningAction SilentlyContinue
        $errs | Should -BeNullOrEmpty
        $everyone = $policies | Where-Object DisplayName -like 'CA001*'
        $everyone.ExcludeGroups | Should -Be @('8d1e2f3a-4b5c-6d7e-8f9a-0b1c2d3e4f5a')
        $everyone.ExcludeGroupNames | Should -Be @('Emergency access accounts')
        $everyone.ExcludeUserNames | Should -Be @('Break Glass 1')
        $finance = $policies | Where-Object DisplayName -like 'CA004*'
        $finance.IncludeApplicationNames | Should -Be @('Contoso Finance')
        $finance.IncludeGroupNames | Should -Be @('Finance team', 'Finance approvers')
        ($finance | ConvertTo-Json -Depth 5 -WarningAction SilentlyContinue | ConvertFrom-Json).IncludeGroupNames | Should -Be @('Finance team', 'Finance approvers')
    }
}

Describe 'Names beside ids live' {
    BeforeAll {
        Import-Module (Join-Path $PSScriptRoot 'Support/GraphSimulator.psm1') -Force
        $script:sim = Start-GraphSimulator -Arguments @('--seed', '42', '--users', '60', '--days', '7', '--throttle', '50/10s')
        Connect-EntraStrongAuth -AccessToken (ConvertTo-SecureString 'pester-names' -AsPlainText -Force) -GraphEndpoint $sim.BaseUri -MaxRequestsPerWindow 50 -ErrorAction Stop
    }

    AfterAll {
        Disconnect-EntraStrongAuth -ErrorAction SilentlyContinue
        if ($sim) { Stop-GraphSimulator $sim }
    }

    It 'names the groups, roles and apps of the tenant''s policies with one getByIds and one batched appId filter, ids kept' {
        $before = Invoke-RestMethod ($sim.BaseUri + "_sim/stats")
        $policies = Get-StrongAuthPolicy -WarningVariable warnings
        $after = Invoke-RestMethod ($sim.BaseUri + "_sim/stats")

        $warnings | Should -BeNullOrEmpty
        $pilot = $policies | Where-Object DisplayName -like 'CA005*'
        $pilot.IncludeGroupNames | Should -Be @('Passwordless pilot')
        $pilot.IncludeGroups[0] | Should -Match '^[0-9a-f-]{36}$'
        $admins = $policies | Where-Object DisplayName -like 'CA002*'
        $admins.IncludeRoleNames | Should -Contain 'Global Administrator'
        $admins.IncludeApplicationNames | Should -Be @('Windows Azure Service Management API')
        $admins.IncludeApplications | Should -Be @('797f4846-ba00-4fd7-ba43-dac1f8f63013')
        ($policies | Where-Object DisplayName -like 'CA003*').IncludeApplicationNames | Should -Be @('Contoso Finance', 'Contoso Expenses API')
        ($policies | Where-Object DisplayName -like 'CA001*').ExcludeGroupNames | Should -Contain 'Emergency access accounts'
        $after.byEndpoint.DirectoryObjectsByIds - [int]$before.byEndpoint.DirectoryObjectsByIds | Should -Be 1
        $after.byEndpoint.ServicePrincipals - [int]$before.byEndpoint.ServicePrincipals | Should -Be 1
    }

    It 'leaves the ids and warns once with the permission when the tenant refuses the lookup' {
        $denied = Start-GraphSimulator -Arguments @('--seed', '42', '--users', '12', '--days', '2', '--deny', 'DirectoryObjectsByIds,ServicePrincipals')
        try {
            Connect-EntraStrongAuth -AccessToken (ConvertTo-SecureString 'pester-denied' -AsPlainText -Force) -GraphEndpoint $denied.BaseUri -ErrorAction Stop
            $policies = Get-StrongAuthPolicy -WarningVariable warnings -WarningAction SilentlyContinue -ErrorVariable errs
            $errs | Should -BeNullOrEmpty
            @($warnings).Count | Should -Be 1
            "$warnings" | Should -Match 'Directory\.Read\.All'
            $pilot = $policies | Where-Object DisplayName -like 'CA005*'
            $pilot.IncludeGroupNames | Should -Be $pilot.IncludeGroups
            ($policies | Where-Object DisplayName -like 'CA002*').IncludeRoleNames | Should -Contain 'Global Administrator'
        }
        finally {
            Stop-GraphSimulator $denied
            Connect-EntraStrongAuth -AccessToken (ConvertTo-SecureString 'pester-names' -AsPlainText -Force) -GraphEndpoint $sim.BaseUri -MaxRequestsPerWindow 50
        }
    }
}
