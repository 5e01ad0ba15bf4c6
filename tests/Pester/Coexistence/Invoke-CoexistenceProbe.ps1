<#
.SYNOPSIS
    Runs in a brand-new pwsh: loads OLDER Azure.Core and MSAL into the session first (as Az.Accounts or the
    Microsoft.Graph modules do), then imports EntraStrongAuth and drives the Engine through Azure.Identity, MSAL and
    the Graph SDK client. Prints one JSON object describing what happened.
.PARAMETER Isolated
    With -Isolated:$false the module's Dependencies/ are bypassed (the Engine is loaded the naive way) to show the
    failure the isolation prevents.
#>
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [string] $PackageCache
)
$ErrorActionPreference = 'Stop'
$result = [ordered]@{}

# 1. What another module would have loaded first.
Add-Type -Path (Join-Path $PackageCache 'azure.core/1.36.0/lib/netstandard2.0/Azure.Core.dll')
Add-Type -Path (Join-Path $PackageCache 'microsoft.identity.client/4.55.0/lib/netstandard2.0/Microsoft.Identity.Client.dll')
$result.PreloadedAzureCore = [Azure.Core.TokenCredential].Assembly.GetName().Version.ToString()
$result.PreloadedMsal = [Microsoft.Identity.Client.PublicClientApplicationBuilder].Assembly.GetName().Version.ToString()

Import-Module $ModuleManifest

# 2. A Graph endpoint on loopback that answers GET /v1.0/organization for one expected bearer token.
#    HttpListener cannot pick a free port itself, so a random one is tried until one is free: a port another test
#    holds would otherwise end the probe before it printed anything.
$listener = $null
foreach ($attempt in 1..20) {
    $port = Get-Random -Minimum 20000 -Maximum 60000
    $candidate = [System.Net.HttpListener]::new()
    $candidate.Prefixes.Add("http://127.0.0.1:$port/")
    try { $candidate.Start(); $listener = $candidate; break }
    catch { $candidate.Close() }
}
if (-not $listener) { throw 'No free loopback port for the probe''s Graph endpoint after 20 tries.' }
$server = [powershell]::Create().AddScript({
        param($listener)
        while ($listener.IsListening) {
            try { $context = $listener.GetContext() } catch { break }
            $authorized = $context.Request.Headers['Authorization'] -eq 'Bearer probe-token'
            $body = if ($authorized -and $context.Request.Url.AbsolutePath -eq '/v1.0/organization') {
                $context.Response.StatusCode = 200
                '{"value":[{"id":"11111111-2222-3333-4444-555555555555","displayName":"Coexistence Test Tenant"}]}'
            }
            else {
                $context.Response.StatusCode = 401
                '{"error":{"code":"InvalidAuthenticationToken","message":"Access token is empty."}}'
            }
            $bytes = [Text.Encoding]::UTF8.GetBytes($body)
            $context.Response.ContentType = 'application/json'
            $context.Response.OutputStream.Write($bytes, 0, $bytes.Length)
            $context.Response.Close()
        }
    }).AddArgument($listener)
$null = $server.BeginInvoke()

try {
    # 3a. Graph SDK client + Azure.Core (Engine's copy) with a caller-supplied token.
    $token = ConvertTo-SecureString 'probe-token' -AsPlainText -Force
    Connect-EntraStrongAuth -AccessToken $token -GraphEndpoint "http://127.0.0.1:$port/" -AuthorityHost "https://127.0.0.1:$port/"
    $context = Get-EntraStrongAuthContext
    $result.AccessTokenTenant = $context.TenantDisplayName

    # 3b. Azure.Identity + MSAL (Engine's copies): MSAL builds its client and reaches the network, where a closed
    #     port refuses it. Reaching "AuthenticationFailed" proves MSAL ran; a version clash would fail earlier.
    $secret = [pscredential]::new('00000000-0000-0000-0000-0000000000aa', (ConvertTo-SecureString 'not-a-real-secret' -AsPlainText -Force))
    try {
        Connect-EntraStrongAuth -ClientSecretCredential $secret -TenantId 'contoso.example' -GraphEndpoint "http://127.0.0.1:$port/" -AuthorityHost 'https://127.0.0.1:1/'
        $result.ClientSecretError = 'none'
    }
    catch {
        $result.ClientSecretError = $_.FullyQualifiedErrorId
        $result.ClientSecretMessage = $_.Exception.Message
    }

    $engine = [EntraStrongAuth.Loader.EngineLoadContext]::LoadedAssemblyNames()
    $result.EngineAzureCore = @($engine | Where-Object { $_ -like 'Azure.Core,*' }) -join ';'
    $result.EngineMsal = @($engine | Where-Object { $_ -like 'Microsoft.Identity.Client,*' }) -join ';'
    $result.EngineGraph = @($engine | Where-Object { $_ -like 'Microsoft.Graph,*' }) -join ';'
}
catch {
    $result.Failure = "$($_.FullyQualifiedErrorId): $($_.Exception.Message)"
}
finally {
    $listener.Stop()
}
$result | ConvertTo-Json -Compress
