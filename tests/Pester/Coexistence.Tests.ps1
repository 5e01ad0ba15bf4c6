# The module must work in a session where other modules already loaded other versions of its dependencies.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../build/FreshPwsh.psm1') -Force
    $command = @(Get-FreshPwshCommand)
    $exe = $command[0]
    $prefix = @($command | Select-Object -Skip 1)
    $probeScript = Join-Path $PSScriptRoot 'Coexistence/Invoke-CoexistenceProbe.ps1'
    $json = & $exe @prefix -NoProfile -NonInteractive -File $probeScript -ModuleManifest $env:ENTRASTRONGAUTH_TEST_MODULE -PackageCache $env:ENTRASTRONGAUTH_TEST_PACKAGES
    $script:probe = ($json | Select-Object -Last 1) | ConvertFrom-Json
    $dependencies = Join-Path (Split-Path $env:ENTRASTRONGAUTH_TEST_MODULE) 'Dependencies'
    function Get-ShippedName([string] $file) { [Reflection.AssemblyName]::GetAssemblyName((Join-Path $dependencies $file)).FullName }
    $script:shippedAzureCore = Get-ShippedName 'Azure.Core.dll'
    $script:shippedMsal = Get-ShippedName 'Microsoft.Identity.Client.dll'
}

Describe 'Coexistence with older Azure.Core and MSAL already loaded' {
    It 'really preloaded the older versions' {
        $probe.PreloadedAzureCore | Should -Be '1.36.0.0'
        $probe.PreloadedMsal | Should -BeLike '4.55.*'
    }

    It 'runs the whole probe without an unexpected failure' {
        $probe.PSObject.Properties.Name | Should -Not -Contain 'Failure'
    }

    It 'connects through the Graph SDK client with the Engine''s own Azure.Core' {
        $probe.AccessTokenTenant | Should -Be 'Coexistence Test Tenant'
        $probe.EngineAzureCore | Should -Be $shippedAzureCore
        $shippedAzureCore | Should -Not -BeLike '*Version=1.36.*'
        $probe.EngineGraph | Should -BeLike 'Microsoft.Graph, Version=6.*'
    }

    It 'runs Azure.Identity and its own MSAL up to the network' {
        $probe.ClientSecretError | Should -BeLike 'AuthenticationFailed,*'
        $probe.EngineMsal | Should -Be $shippedMsal
        $shippedMsal | Should -Not -BeLike '*Version=4.55.*'
    }
}
