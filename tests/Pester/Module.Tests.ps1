# The built module as the Gallery will ship it: manifest, exports, layout, conventions.
BeforeAll {
    $script:manifestPath = $env:ENTRASTRONGAUTH_TEST_MODULE
    $script:moduleRoot = Split-Path $manifestPath
    $script:commands = Get-Command -Module EntraStrongAuth
}

Describe 'EntraStrongAuth module' {
    It 'has a valid manifest for both editions' {
        $manifest = Test-ModuleManifest $manifestPath
        $manifest.CompatiblePSEditions | Should -Be @('Core', 'Desktop')
        $manifest.PowerShellVersion | Should -Be ([version]'5.1')
        $manifest.PrivateData.PSData.ProjectUri | Should -Not -BeNullOrEmpty
        $manifest.PrivateData.PSData.LicenseUri | Should -Not -BeNullOrEmpty
        $manifest.PrivateData.PSData.ReleaseNotes | Should -Not -BeNullOrEmpty
        $manifest.PrivateData.PSData.Tags | Should -Contain 'MFA'
    }

    It 'exports exactly the cmdlets its manifest lists' {
        $listed = (Import-PowerShellDataFile $manifestPath).CmdletsToExport | Sort-Object
        ($commands.Name | Sort-Object) | Should -Be $listed
    }

    It 'uses approved verbs and declares an output type for <Name>' -ForEach @(Get-Command -Module EntraStrongAuth | ForEach-Object { @{ Name = $_.Name } }) {
        $command = Get-Command $Name
        (Get-Verb).Verb | Should -Contain $command.Verb
        $command.OutputType | Should -Not -BeNullOrEmpty
    }

    It 'keeps only Cmdlets, Core and the loader at the root, and the Engine with its dependencies isolated' {
        (Get-ChildItem $moduleRoot -Filter *.dll).Name | Sort-Object |
            Should -Be @('EntraStrongAuth.Cmdlets.dll', 'EntraStrongAuth.Core.dll', 'EntraStrongAuth.Loader.dll')
        $dependencies = (Get-ChildItem (Join-Path $moduleRoot 'Dependencies') -Filter *.dll).Name
        $dependencies | Should -Contain 'EntraStrongAuth.Engine.dll'
        $dependencies | Should -Contain 'Azure.Identity.dll'
        $dependencies | Should -Contain 'Microsoft.Graph.dll'
        $dependencies | Should -Not -Contain 'EntraStrongAuth.Core.dll'
    }

    It 'ships MAML help and the about topic' {
        Test-Path (Join-Path $moduleRoot 'en-US/EntraStrongAuth.Cmdlets.dll-Help.xml') | Should -BeTrue
        Test-Path (Join-Path $moduleRoot 'en-US/about_EntraStrongAuth.help.txt') | Should -BeTrue
    }

    It 'keeps Microsoft.Graph, Azure.Identity and the Engine out of the default load context' {
        Resolve-AadstsError 50074 | Out-Null
        $default = [AppDomain]::CurrentDomain.GetAssemblies() |
            Where-Object { [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($_) -eq [System.Runtime.Loader.AssemblyLoadContext]::Default }
        $default.GetName().Name | Should -Not -Contain 'Microsoft.Graph'
        $default.GetName().Name | Should -Not -Contain 'Azure.Identity'
        $default.GetName().Name | Should -Not -Contain 'EntraStrongAuth.Engine'
    }

    It 'can be imported again with -Force and still works' {
        Import-Module $manifestPath -Force
        (Resolve-AadstsError 50076).Code | Should -Be 50076
        (Get-Command -Module EntraStrongAuth).Count | Should -Be $commands.Count
    }
}

Describe 'Connection cmdlets' {
    It 'returns nothing from Get-EntraStrongAuthContext when not connected' {
        Disconnect-EntraStrongAuth
        Get-EntraStrongAuthContext | Should -BeNullOrEmpty
    }

    It 'rejects a half-specified custom environment' {
        $token = ConvertTo-SecureString 'x' -AsPlainText -Force
        $credential = [pscredential]::new('00000000-0000-0000-0000-0000000000aa', $token)
        { Connect-EntraStrongAuth -ClientSecretCredential $credential -TenantId contoso -GraphEndpoint 'https://graph.contoso.test/' } |
            Should -Throw -ErrorId 'IncompleteCustomEnvironment,*'
        { Connect-EntraStrongAuth -AccessToken $token -AuthorityHost 'https://login.contoso.test/' } |
            Should -Throw -ErrorId 'IncompleteCustomEnvironment,*'
    }

    It 'reports an unreachable Graph endpoint as a connection error without the token' {
        $token = ConvertTo-SecureString 'secret-token-value' -AsPlainText -Force
        $err = { Connect-EntraStrongAuth -AccessToken $token -GraphEndpoint 'http://127.0.0.1:9/' -AuthorityHost 'https://127.0.0.1:9/' } |
            Should -Throw -ErrorId 'GraphUnreachable,*' -PassThru
        $err.CategoryInfo.Category | Should -Be 'ConnectionError'
        ($err | Out-String) | Should -Not -BeLike '*secret-token-value*'
    }

    It 'completes -Environment with the national clouds' {
        $completion = TabExpansion2 -inputScript 'Connect-EntraStrongAuth -Environment US' -cursorColumn 39
        $completion.CompletionMatches.CompletionText | Should -Be @('USGov', 'USGovDoD')
    }
}

Describe 'Custom environment validation' {
    It 'requires an https authority host' {
        $credential = [pscredential]::new('00000000-0000-0000-0000-0000000000aa', (ConvertTo-SecureString 'x' -AsPlainText -Force))
        { Connect-EntraStrongAuth -ClientSecretCredential $credential -TenantId contoso -GraphEndpoint 'http://127.0.0.1:9/' -AuthorityHost 'http://127.0.0.1:9/' } |
            Should -Throw -ErrorId 'InvalidAuthorityHost,*'
    }
}
