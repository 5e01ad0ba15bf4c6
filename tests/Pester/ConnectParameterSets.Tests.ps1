# Every Connect-EntraStrongAuth parameter set, in the built module: the sets Connect-MgGraph users know, and for each
# one a real run up to where this machine can take it (the simulator for tokens it accepts, a named error otherwise).
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'Support/GraphSimulator.psm1') -Force
    $script:sim = Start-GraphSimulator -Arguments @('--users', '12', '--days', '2')
    $script:closed = 'https://127.0.0.1:9/'

    function script:New-TestCertificate([switch] $WithoutKey) {
        $rsa = [System.Security.Cryptography.RSA]::Create(2048)
        $request = [System.Security.Cryptography.X509Certificates.CertificateRequest]::new(
            'CN=esa-pester', $rsa, [System.Security.Cryptography.HashAlgorithmName]::SHA256, [System.Security.Cryptography.RSASignaturePadding]::Pkcs1)
        $certificate = $request.CreateSelfSigned([datetimeoffset]::UtcNow.AddMinutes(-5), [datetimeoffset]::UtcNow.AddDays(1))
        if ($WithoutKey) { return [System.Security.Cryptography.X509Certificates.X509Certificate2]::new($certificate.Export('Cert')) }
        $certificate
    }
}

AfterAll {
    Disconnect-EntraStrongAuth -ErrorAction SilentlyContinue
    if ($sim) { Stop-GraphSimulator $sim }
}

Describe 'Connect-EntraStrongAuth parameter sets' {
    It 'has the Connect-MgGraph sets plus certificate files and workload identity, user sign-in by default' {
        $command = Get-Command Connect-EntraStrongAuth

        $command.DefaultParameterSet | Should -Be 'UserParameterSet'
        $command.ParameterSets.Name | Sort-Object | Should -Be @(
            'AccessTokenParameterSet', 'AppCertificateFileParameterSet', 'AppCertificateObjectParameterSet', 'AppCertificateParameterSet',
            'AppCertificateSubjectParameterSet', 'AppSecretCredentialParameterSet', 'EnvironmentVariableParameterSet', 'GraphSessionParameterSet',
            'IdentityParameterSet', 'UserParameterSet', 'WorkloadIdentityParameterSet')
    }

    It 'AccessToken: connects to the simulator and the context holds no token' {
        $token = 'pester-access-token-value'

        $context = Connect-EntraStrongAuth -AccessToken (ConvertTo-SecureString $token -AsPlainText -Force) -GraphEndpoint $sim.BaseUri -PassThru

        $context.AuthType | Should -Be 'AccessToken'
        $context.Environment | Should -Be 'Custom'
        $context.TenantDisplayName | Should -Not -BeNullOrEmpty
        (Get-EntraStrongAuthContext).TenantId | Should -Be $context.TenantId
        ($context | Format-List * | Out-String) | Should -Not -Match $token
    }

    It 'UserParameterSet: without a browser it falls back to device code on its own' {
        # The sign-in itself then fails against the closed authority; the choice of flow is what is checked here.
        $verbose = & {
            try { Connect-EntraStrongAuth -TenantId contoso.onmicrosoft.com -GraphEndpoint $sim.BaseUri -AuthorityHost $closed -Verbose } catch { }
        } 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }

        $verbose.Message -join "`n" | Should -Match 'with DeviceCode'
    }

    It 'UserParameterSet -UseDeviceCode: a failed sign-in is AuthenticationFailed with advice' {
        $err = { Connect-EntraStrongAuth -UseDeviceCode -TenantId contoso -GraphEndpoint $sim.BaseUri -AuthorityHost $closed -ErrorAction Stop } |
            Should -Throw -ErrorId 'AuthenticationFailed,*' -PassThru
        $err.ErrorDetails.RecommendedAction | Should -Match '-ClientId'
    }

    It 'AppSecretCredentialParameterSet: a sign-in the authority cannot complete names the credential to check' {
        $credential = [pscredential]::new('00000000-0000-0000-0000-0000000000aa', (ConvertTo-SecureString 'secret-never-shown' -AsPlainText -Force))

        $err = { Connect-EntraStrongAuth -ClientSecretCredential $credential -TenantId contoso -GraphEndpoint $sim.BaseUri -AuthorityHost $closed -ErrorAction Stop } |
            Should -Throw -ErrorId 'AuthenticationFailed,*' -PassThru

        $err.ErrorDetails.RecommendedAction | Should -Match 'secret'
        ($err | Out-String) | Should -Not -Match 'secret-never-shown'
    }

    It 'AppCertificateParameterSet: a thumbprint not in the stores is CertificateNotFound' {
        { Connect-EntraStrongAuth -ClientId app -TenantId contoso -CertificateThumbprint 'AB CD EF 00 11 22 33 44 55 66 77 88 99 AA BB CC DD EE FF 00' -ErrorAction Stop } |
            Should -Throw -ErrorId 'CertificateNotFound,*'
    }

    It 'AppCertificateSubjectParameterSet: an unknown subject is CertificateNotFound' {
        { Connect-EntraStrongAuth -ClientId app -TenantId contoso -CertificateSubjectName 'CN=esa-no-such-subject' -ErrorAction Stop } |
            Should -Throw -ErrorId 'CertificateNotFound,*'
    }

    It 'AppCertificateObjectParameterSet: a certificate without its private key cannot sign in' {
        { Connect-EntraStrongAuth -ClientId app -TenantId contoso -Certificate (New-TestCertificate -WithoutKey) -ErrorAction Stop } |
            Should -Throw -ErrorId 'CertificateHasNoPrivateKey,*'
    }

    It 'AppCertificateFileParameterSet: a PFX is read with its password, then the sign-in goes to the authority' {
        $file = Join-Path $TestDrive 'app.pfx'
        [System.IO.File]::WriteAllBytes($file, (New-TestCertificate).Export('Pfx', 'pfx-pass'))
        $password = ConvertTo-SecureString 'pfx-pass' -AsPlainText -Force

        { Connect-EntraStrongAuth -ClientId app -TenantId contoso -CertificatePath $file -CertificatePassword $password -GraphEndpoint $sim.BaseUri -AuthorityHost $closed -ErrorAction Stop } |
            Should -Throw -ErrorId 'AuthenticationFailed,*'
        { Connect-EntraStrongAuth -ClientId app -TenantId contoso -CertificatePath $file -CertificatePassword (ConvertTo-SecureString 'wrong' -AsPlainText -Force) -ErrorAction Stop } |
            Should -Throw -ErrorId 'CertificateUnreadable,*'
    }

    It 'IdentityParameterSet: signs in through the App Service managed identity endpoint (system and user assigned)' {
        # The simulator plays the host's identity endpoint (IDENTITY_ENDPOINT/IDENTITY_HEADER, as App Service and
        # Functions set them); Azure.Identity picks that source from the variables.
        $env:IDENTITY_ENDPOINT = $sim.BaseUri + 'msi/token'
        $env:IDENTITY_HEADER = 'pester-identity-header'
        try {
            $system = Connect-EntraStrongAuth -Identity -GraphEndpoint $sim.BaseUri -PassThru -ErrorAction Stop
            $user = Connect-EntraStrongAuth -Identity -ClientId 11111111-2222-3333-4444-555555555555 -GraphEndpoint $sim.BaseUri -PassThru -ErrorAction Stop

            $system.AuthType | Should -Be 'ManagedIdentity'
            $system.ClientId | Should -Be '99999999-0000-0000-0000-00000000000a'
            $user.ClientId | Should -Be '11111111-2222-3333-4444-555555555555'
            $user.Scopes | Should -Contain 'AuditLog.Read.All'
        }
        finally {
            Remove-Item Env:IDENTITY_ENDPOINT, Env:IDENTITY_HEADER
        }
    }

    It 'WorkloadIdentityParameterSet: the token file is checked before any request' {
        { Connect-EntraStrongAuth -WorkloadIdentity -ClientId app -TenantId contoso -FederatedTokenFile (Join-Path $TestDrive 'none') -ErrorAction Stop } |
            Should -Throw -ErrorId 'FederatedTokenFileNotFound,*'
        $saved = $env:AZURE_FEDERATED_TOKEN_FILE
        Remove-Item Env:AZURE_FEDERATED_TOKEN_FILE -ErrorAction SilentlyContinue
        try {
            $err = { Connect-EntraStrongAuth -WorkloadIdentity -ClientId app -TenantId contoso -ErrorAction Stop } | Should -Throw -ErrorId 'MissingConnectionParameter,*' -PassThru
            $err.Exception.Message | Should -Match 'AZURE_FEDERATED_TOKEN_FILE'
        }
        finally {
            if ($saved) { $env:AZURE_FEDERATED_TOKEN_FILE = $saved }
        }
    }

    It 'EnvironmentVariableParameterSet: names the missing variables and refuses a user password' {
        $names = 'AZURE_TENANT_ID', 'AZURE_CLIENT_ID', 'AZURE_CLIENT_SECRET', 'AZURE_CLIENT_CERTIFICATE_PATH', 'AZURE_FEDERATED_TOKEN_FILE', 'AZURE_USERNAME', 'AZURE_PASSWORD'
        $saved = @{}
        foreach ($name in $names) { $saved[$name] = [Environment]::GetEnvironmentVariable($name); [Environment]::SetEnvironmentVariable($name, $null) }
        try {
            $err = { Connect-EntraStrongAuth -EnvironmentVariable -ErrorAction Stop } | Should -Throw -ErrorId 'EnvironmentVariableMissing,*' -PassThru
            $err.Exception.Message | Should -Match 'AZURE_TENANT_ID'

            $env:AZURE_TENANT_ID = 'contoso'; $env:AZURE_CLIENT_ID = 'app'; $env:AZURE_USERNAME = 'svc@contoso.com'; $env:AZURE_PASSWORD = 'hunter2'
            { Connect-EntraStrongAuth -EnvironmentVariable -ErrorAction Stop } | Should -Throw -ErrorId 'EnvironmentUserPasswordRefused,*'
        }
        finally {
            foreach ($name in $names) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
        }
    }

    It 'keeps the previous connection when a new one fails' {
        Connect-EntraStrongAuth -AccessToken (ConvertTo-SecureString 'first' -AsPlainText -Force) -GraphEndpoint $sim.BaseUri
        $before = (Get-EntraStrongAuthContext).ConnectedAt

        { Connect-EntraStrongAuth -ClientId app -TenantId contoso -CertificateSubjectName 'CN=esa-no-such-subject' -ErrorAction Stop } | Should -Throw

        (Get-EntraStrongAuthContext).ConnectedAt | Should -Be $before
    }
    It 'refuses a -TenantId that is neither a GUID nor a domain name, before any request, whatever the sign-in' {
        $secret = [pscredential]::new('app', (ConvertTo-SecureString 'never-sent' -AsPlainText -Force))
        $cases = @(
            { Connect-EntraStrongAuth -TenantId 'contoso/../../x?y=1' -ClientSecretCredential $secret -GraphEndpoint $sim.BaseUri -AuthorityHost $closed -ErrorAction Stop }
            { Connect-EntraStrongAuth -TenantId 'contoso/../../x?y=1' -UseDeviceCode -GraphEndpoint $sim.BaseUri -AuthorityHost $closed -ErrorAction Stop }
            { Connect-EntraStrongAuth -TenantId 'contoso/../../x?y=1' -AccessToken (ConvertTo-SecureString 't' -AsPlainText -Force) -GraphEndpoint $sim.BaseUri -ErrorAction Stop }
        )
        foreach ($case in $cases) {
            $err = $case | Should -Throw -ErrorId 'InvalidTenantId,*' -PassThru
            $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
            $err.Exception.Message | Should -Match "'/' at position 8"
            $err.ErrorDetails.RecommendedAction | Should -Match 'GUID'
        }
    }
}
