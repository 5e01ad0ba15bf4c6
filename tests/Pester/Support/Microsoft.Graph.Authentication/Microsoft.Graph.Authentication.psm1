# A stand-in for the Microsoft Graph PowerShell SDK's authentication module (Microsoft.Graph.Authentication 2.x), which
# cannot be installed here (it is served by the PowerShell Gallery only, not NuGet). It has the module's name and the
# shapes EntraStrongAuth reads, taken from the SDK's own help and source (microsoftgraph/msgraph-sdk-powershell):
#  - Get-MgContext (src/Authentication/docs/Get-MgContext.md): nothing when not connected; else an AuthContext with
#    ClientId, TenantId, Scopes (string[]), AuthType (Delegated | AppOnly), TokenCredentialType, CertificateThumbprint,
#    CertificateSubjectName, Account, AppName, ContextScope, Certificate, PSHostVersion, ManagedIdentityId,
#    ClientSecret, Environment (Global, USGov, USGovDoD, China, or a name added with Add-MgEnvironment).
#  - Get-MgEnvironment -Name (src/Authentication/Authentication/Cmdlets/Environment/GetMgEnvironment.cs): Name,
#    AzureADEndpoint, GraphEndpoint, Type.
#  - Invoke-MgGraphRequest (src/Authentication/docs/Invoke-MgGraphRequest.md and Cmdlets/InvokeMgGraphRequest.cs):
#    -Method, -Uri relative to the environment's GraphEndpoint or absolute, -OutputType HttpResponseMessage returns the
#    System.Net.Http.HttpResponseMessage (whose RequestMessage holds the request as sent, Authorization included),
#    -SkipHttpErrorCheck returns error responses instead of throwing; "Authentication needed. Please call
#    Connect-MgGraph." when not connected. Like the SDK, each request asks the session's credential for a token, which
#    is renewed about five minutes before it expires (MSAL's refresh margin): here the request after the one that used
#    a token that close to expiry gets the next token.
# The test drives the session with Set-MgStandInSession (as Connect-MgGraph would) and Clear-MgStandInSession (as
# Disconnect-MgGraph would), and reads what happened with Get-MgStandInState. The tokens are unsigned JWTs whose claims
# (tid, upn, appid, scp, exp) are those of Graph tokens; the simulator is told to accept exactly them.

$script:Session = $null
$script:Environments = @{}

function New-MgStandInToken {
    param([string] $TenantId, [string] $Account, [string] $ClientId, [string[]] $Scopes, [datetimeoffset] $ExpiresOn)
    $encode = { param($json) [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes($json)).TrimEnd('=').Replace('+', '-').Replace('/', '_') }
    $claims = [ordered]@{ aud = '00000003-0000-0000-c000-000000000000'; tid = $TenantId; upn = $Account; appid = $ClientId; scp = ($Scopes -join ' '); exp = $ExpiresOn.ToUnixTimeSeconds() }
    (& $encode '{"alg":"none","typ":"JWT"}') + '.' + (& $encode ($claims | ConvertTo-Json -Compress)) + '.c2lnbmF0dXJl'
}

function Set-MgStandInSession {
    param(
        [string] $TenantId, [string] $Account, [string] $ClientId, [string[]] $Scopes, [string] $Environment = 'Global',
        [string] $AuthType = 'Delegated',
        # The tokens the session's credential hands out in turn: the next one when the current is near expiry.
        [object[]] $Tokens)
    $script:Session = @{
        TenantId = $TenantId; Account = $Account; ClientId = $ClientId; Scopes = $Scopes; Environment = $Environment; AuthType = $AuthType
        Tokens = @($Tokens); Current = 0; Requests = 0
    }
}

function Add-MgStandInEnvironment {
    param([string] $Name, [string] $GraphEndpoint, [string] $AzureADEndpoint)
    $script:Environments[$Name] = [pscustomobject]@{ Name = $Name; AzureADEndpoint = $AzureADEndpoint; GraphEndpoint = $GraphEndpoint; Type = 'User-defined' }
}

function Clear-MgStandInSession { $script:Session = $null }

function Get-MgStandInState {
    if ($script:Session) { [pscustomobject]@{ Requests = $script:Session.Requests; TokenIndex = $script:Session.Current } }
}

function Get-MgContext {
    [CmdletBinding()]
    param()
    if (-not $script:Session) { return }
    [pscustomobject]@{
        PSTypeName             = 'Microsoft.Graph.PowerShell.Authentication.AuthContext'
        ClientId               = $script:Session.ClientId
        TenantId               = $script:Session.TenantId
        Scopes                 = [string[]] $script:Session.Scopes
        AuthType               = $script:Session.AuthType
        TokenCredentialType    = 'InteractiveBrowser'
        CertificateThumbprint  = $null
        CertificateSubjectName = $null
        Account                = $script:Session.Account
        AppName                = 'Microsoft Graph Command Line Tools'
        ContextScope           = 'CurrentUser'
        Certificate            = $null
        PSHostVersion          = $PSVersionTable.PSVersion
        ManagedIdentityId      = $null
        ClientSecret           = $null
        Environment            = $script:Session.Environment
    }
}

function Get-MgEnvironment {
    [CmdletBinding()]
    param([string] $Name)
    $builtIn = @{
        Global   = [pscustomobject]@{ Name = 'Global'; AzureADEndpoint = 'https://login.microsoftonline.com'; GraphEndpoint = 'https://graph.microsoft.com'; Type = 'Built-in' }
        USGov    = [pscustomobject]@{ Name = 'USGov'; AzureADEndpoint = 'https://login.microsoftonline.us'; GraphEndpoint = 'https://graph.microsoft.us'; Type = 'Built-in' }
        USGovDoD = [pscustomobject]@{ Name = 'USGovDoD'; AzureADEndpoint = 'https://login.microsoftonline.us'; GraphEndpoint = 'https://dod-graph.microsoft.us'; Type = 'Built-in' }
        China    = [pscustomobject]@{ Name = 'China'; AzureADEndpoint = 'https://login.chinacloudapi.cn'; GraphEndpoint = 'https://microsoftgraph.chinacloudapi.cn'; Type = 'Built-in' }
    }
    $all = $builtIn.Clone()
    foreach ($key in $script:Environments.Keys) { $all[$key] = $script:Environments[$key] }
    if ($Name) { $all[$Name] } else { $all.Values }
}

function Invoke-MgGraphRequest {
    [CmdletBinding()]
    param(
        [ValidateSet('GET', 'POST', 'PATCH', 'PUT', 'DELETE')] [string] $Method = 'GET',
        [Parameter(Mandatory)] [uri] $Uri,
        [ValidateSet('HashTable', 'PSObject', 'HttpResponseMessage', 'Json')] [string] $OutputType = 'HashTable',
        [switch] $SkipHttpErrorCheck)
    if (-not $script:Session) { throw 'Authentication needed. Please call Connect-MgGraph.' }

    $session = $script:Session
    $session.Requests++
    # The credential: the current token; once that one is within MSAL's five-minute margin, it is renewed, so later
    # requests get the next token (the tokens are handed out in turn; the last one stays).
    $token = $session.Tokens[$session.Current]
    $payload = ($token -split '\.')[1].Replace('-', '+').Replace('_', '/')
    $claims = [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($payload.PadRight([math]::Ceiling($payload.Length / 4) * 4, '='))) | ConvertFrom-Json
    if ([datetimeoffset]::FromUnixTimeSeconds($claims.exp) -le [datetimeoffset]::UtcNow.AddMinutes(5) -and $session.Current + 1 -lt $session.Tokens.Count) {
        $session.Current++
    }

    $environment = Get-MgEnvironment -Name $session.Environment
    $absolute = if ($Uri.IsAbsoluteUri) { $Uri } else { [uri]::new([uri]($environment.GraphEndpoint.TrimEnd('/') + '/'), $Uri.OriginalString.TrimStart('/')) }
    $client = [System.Net.Http.HttpClient]::new()
    try {
        $request = [System.Net.Http.HttpRequestMessage]::new([System.Net.Http.HttpMethod]::new($Method), $absolute)
        $request.Headers.Authorization = [System.Net.Http.Headers.AuthenticationHeaderValue]::new('Bearer', $token)
        $response = $client.SendAsync($request).GetAwaiter().GetResult()
        $null = $response.Content.LoadIntoBufferAsync().GetAwaiter().GetResult()
    }
    finally {
        $client.Dispose()
    }

    if (-not $SkipHttpErrorCheck -and -not $response.IsSuccessStatusCode) {
        throw "Response status code does not indicate success: $([int]$response.StatusCode) ($($response.ReasonPhrase))."
    }

    if ($OutputType -eq 'HttpResponseMessage') { return $response }
    $body = $response.Content.ReadAsStringAsync().GetAwaiter().GetResult()
    $response.Dispose()
    if ($OutputType -eq 'Json') { $body } elseif ($OutputType -eq 'PSObject') { $body | ConvertFrom-Json } else { $body | ConvertFrom-Json -AsHashtable }
}

Export-ModuleMember -Function Get-MgContext, Get-MgEnvironment, Invoke-MgGraphRequest, New-MgStandInToken, Set-MgStandInSession, Clear-MgStandInSession, Get-MgStandInState, Add-MgStandInEnvironment
