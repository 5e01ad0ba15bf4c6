# Resolve-AadstsError against the built module: input forms, pipeline binding, errors, views, completion, catalogs.
BeforeAll {
    $script:repoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $env:ENTRASTRONGAUTH_AADSTS_CATALOG = $null
}

Describe 'Resolve-AadstsError' {
    Context 'codes' {
        It 'resolves <Value> to 50074' -ForEach @(@{ Value = '50074' }, @{ Value = 'AADSTS50074' }, @{ Value = 50074 }) {
            $info = Resolve-AadstsError $Value
            $info.Code | Should -Be 50074
            $info.Name | Should -Be 'UserStrongAuthClientAuthNRequiredInterrupt'
            $info.Category | Should -Be 'StepUpRequired'
            $info.InteractiveFix | Should -Be 'Yes'
            $info.RelatedCodes | Should -Contain 50076
            $info.RelatedCodes | Should -Contain 50079
            $info.HelpUri | Should -Be 'https://login.microsoftonline.com/error?code=50074'
            $info.PSObject.TypeNames[0] | Should -Be 'EntraStrongAuth.Core.Aadsts.AadstsErrorInfo'
        }

        It 'takes codes from the pipeline by value, in order' {
            $codes = '50079', 'AADSTS50076', 70043 | Resolve-AadstsError | ForEach-Object Code
            $codes | Should -Be @(50079, 50076, 70043)
        }

        It 'binds ErrorCode by property name, as sign-in objects carry it' {
            $signIns = [pscustomobject]@{ ErrorCode = 50079; UserPrincipalName = 'a@contoso.com' },
                       [pscustomobject]@{ ErrorCode = 500121; UserPrincipalName = 'b@contoso.com' }
            ($signIns | Resolve-AadstsError).Category | Should -Be @('EnrollmentRequired', 'MfaAttemptFailed')
        }

        It 'reads the code from Graph signIn (Status.ErrorCode), Log Analytics (ResultType) and JSON objects' {
            $graph = [pscustomobject]@{ Id = '1'; Status = [pscustomobject]@{ ErrorCode = 50076; FailureReason = 'MFA' } }
            $logAnalytics = [pscustomobject]@{ ResultType = '50074'; UserPrincipalName = 'c@contoso.com' }
            $json = '{"errorCode": 53003, "errorMessage": "Blocked"}' | ConvertFrom-Json
            ($graph, $logAnalytics, $json | Resolve-AadstsError).Code | Should -Be @(50076, 50074, 53003)
        }

        It 'reports an object that carries no code, and goes on' {
            $out = [pscustomobject]@{ Name = 'x' }, 50079 | Resolve-AadstsError -ErrorAction SilentlyContinue -ErrorVariable errs
            $out.Code | Should -Be 50079
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'InvalidAadstsCode,*'
            $errs[0].Exception.Message | Should -BeLike '*no ErrorCode*'
        }

        It 'skips code 0 (a successful sign-in) without an error' {
            $out = [pscustomobject]@{ ErrorCode = 0 } | Resolve-AadstsError -ErrorVariable errs -Verbose 4>&1
            $errs | Should -BeNullOrEmpty
            ($out | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message | Should -BeLike '*succeeded*'
        }

        It 'lists the whole catalog with -ListAvailable' {
            $all = Resolve-AadstsError -ListAvailable
            $all.Count | Should -BeGreaterThan 40
            ($all | Where-Object IsStrongAuth).Code | Should -Contain 50079
        }
    }

    Context 'messages' {
        It 'resolves 50076 from the issue''s message and keeps the resource' {
            $message = "AADSTS50076: Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '797f4846-ba00-4fd7-ba43-dac1f8f63013'."
            $info = Resolve-AadstsError -Message $message
            $info.Code | Should -Be 50076
            $info.Resource | Should -Be '797f4846-ba00-4fd7-ba43-dac1f8f63013'
            $info.Message | Should -Be $message
        }

        It 'resolves every code in a message and the request identifiers' {
            $text = 'AADSTS70043: The refresh token has expired. Then AADSTS50076: MFA required. Trace ID: 0a1b2c3d-0000-4000-8000-000000000001 Correlation ID: 0a1b2c3d-0000-4000-8000-000000000002 Timestamp: 2025-06-01 08:00:00Z'
            $infos = Resolve-AadstsError -Message $text
            $infos.Code | Should -Be @(70043, 50076)
            $infos[1].CorrelationId | Should -Be '0a1b2c3d-0000-4000-8000-000000000002'
            $infos[1].Timestamp | Should -Be ([DateTimeOffset]'2025-06-01T08:00:00Z')
        }

        It 'keeps each error''s own Trace ID when a message carries two' {
            $text = "AADSTS50076: MFA required. Trace ID: 11111111-0000-4000-8000-000000000001 Correlation ID: 11111111-0000-4000-8000-000000000002`nAADSTS50079: enrollment required. Trace ID: 22222222-0000-4000-8000-000000000001 Correlation ID: 22222222-0000-4000-8000-000000000002"
            $infos = Resolve-AadstsError -Message $text
            $infos.TraceId | Should -Be @('11111111-0000-4000-8000-000000000001', '22222222-0000-4000-8000-000000000001')
            $infos.CorrelationId | Should -Be @('11111111-0000-4000-8000-000000000002', '22222222-0000-4000-8000-000000000002')
        }

        It 'keeps a piped sign-in''s CorrelationId and time' {
            $signIn = @(Import-SignInLog -Path (Join-Path $repoRoot 'samples/signins/signins.graph.json') | Where-Object { $_.ErrorCode -eq 50076 -and $_.CorrelationId })[0]
            $info = $signIn | Resolve-AadstsError
            $info.Code | Should -Be 50076
            $info.CorrelationId | Should -Be $signIn.CorrelationId
            $info.Timestamp | Should -Be ([DateTimeOffset]$signIn.CreatedDateTime)
            $graph = [pscustomobject]@{ correlationId = 'c0ffee00-0000-4000-8000-000000000001'; createdDateTime = '2026-11-22T19:16:00Z'; status = [pscustomobject]@{ errorCode = 50079 } }
            $fromGraph = $graph | Resolve-AadstsError
            $fromGraph.CorrelationId | Should -Be 'c0ffee00-0000-4000-8000-000000000001'
            $fromGraph.Timestamp | Should -Be ([DateTimeOffset]'2026-11-22T19:16:00Z')
        }

        It 'reads AADSTS codes from an exception''s inner exceptions' {
            $inner = [System.InvalidOperationException]::new('AADSTS50079: The user is required to use multi-factor authentication.')
            $outer = [System.Exception]::new('ClientSecretCredential authentication failed', $inner)
            ($outer | Resolve-AadstsError).Code | Should -Be 50079
        }

        It 'accepts an ErrorRecord piped from $Error' {
            try { throw 'Connect-AzAccount: UsernamePasswordCredential authentication failed: AADSTS50079: you must enroll in multi-factor authentication.' } catch { $record = $_ }
            ($record | Resolve-AadstsError).Code | Should -Be 50079
        }

        It 'resolves the bundled sample messages, reporting the one unknown code' {
            $lines = Get-Content (Join-Path $repoRoot 'samples/aadsts-messages.txt')
            $infos = $lines | Resolve-AadstsError -ErrorAction SilentlyContinue -ErrorVariable problems
            $infos.Count | Should -Be $lines.Count
            $infos.Code | Should -Contain 50076
            @($problems).Count | Should -Be 1
            $problems[0].FullyQualifiedErrorId | Should -BeLike 'UnknownAadstsCode,*'
        }

        It 'reports a message without any code' {
            Resolve-AadstsError -Message 'The operation timed out.' -ErrorAction SilentlyContinue -ErrorVariable errs | Should -BeNullOrEmpty
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'NoAadstsCodeInMessage,*'
            $errs[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        }
    }

    Context 'errors' {
        It 'reports an unknown code with the lookup link and still processes the other inputs' {
            $out = Resolve-AadstsError 12345, 50079 -ErrorAction SilentlyContinue -ErrorVariable errs
            $out.Code | Should -Be 50079
            $errs.Count | Should -Be 1
            $errs[0].FullyQualifiedErrorId | Should -Be 'UnknownAadstsCode,EntraStrongAuth.Cmdlets.Commands.ResolveAadstsErrorCommand'
            $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $errs[0].Exception.Message | Should -BeLike '*https://login.microsoftonline.com/error?code=12345*'
            $errs[0].TargetObject | Should -Be 12345
        }

        It 'rejects text that is not a code' {
            Resolve-AadstsError 'not-a-code' -ErrorAction SilentlyContinue -ErrorVariable errs
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'InvalidAadstsCode,*'
        }

        It 'stops at the first error with -ErrorAction Stop' {
            { Resolve-AadstsError 12345, 50079 -ErrorAction Stop } | Should -Throw -ErrorId 'UnknownAadstsCode,*'
        }
    }

    Context 'user catalogs' {
        BeforeAll {
            $script:catalog = Join-Path $TestDrive 'catalog.json'
            @'
{ "schemaVersion": 1, "entries": [
  { "code": 50076, "name": "ContosoMfaRequired", "meaning": "Contoso requires MFA for this app.", "interactiveFix": "Yes",
    "category": "StepUpRequired", "strongAuth": true, "remedy": ["Open https://aka.ms/mysecurityinfo."], "relatedCodes": [50079] },
  { "code": 9002313, "name": "InvalidRequest", "meaning": "The request was malformed.", "interactiveFix": "No",
    "category": "AppConfig", "remedy": ["Fix the client."] },
  { "code": 9100001, "name": "Broken", "meaning": "x", "interactiveFix": "Sometimes", "category": "AppConfig" }
] }
'@ | Set-Content $catalog
        }

        It 'adds and overrides entries, and reports the bad entry by file, entry and field' {
            $out = Resolve-AadstsError 50076, 9002313, 50079 -CatalogPath $catalog -ErrorAction SilentlyContinue -ErrorVariable errs
            $out[0].Name | Should -Be 'ContosoMfaRequired'
            $out[0].Source | Should -Be $catalog
            $out[1].Category | Should -Be 'AppConfig'
            $out[2].Source | Should -Be 'BuiltIn'
            $errs.Count | Should -Be 1
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'InvalidAadstsCatalogEntry,*'
            $errs[0].Exception.Message | Should -BeLike "*catalog.json: entry 3 (code 9100001), field 'interactiveFix'*"
        }

        It 'reads the catalog named by the environment variable' {
            try {
                $env:ENTRASTRONGAUTH_AADSTS_CATALOG = $catalog
                (Resolve-AadstsError 9002313 -ErrorAction SilentlyContinue).Name | Should -Be 'InvalidRequest'
            }
            finally { $env:ENTRASTRONGAUTH_AADSTS_CATALOG = $null }
        }

        It 'stops with a clear error for a file that is not JSON' {
            $broken = Join-Path $TestDrive 'broken.json'
            Set-Content $broken '{ "entries": [ '
            { Resolve-AadstsError 50074 -CatalogPath $broken } | Should -Throw -ErrorId 'InvalidAadstsCatalogFile,*' -ExpectedMessage '*broken.json: not valid JSON*'
        }

        It 'stops with a clear error for a missing file' {
            { Resolve-AadstsError 50074 -CatalogPath (Join-Path $TestDrive 'nope.json') } | Should -Throw -ErrorId 'AadstsCatalogFileNotFound,*'
        }
    }

    Context 'formatting and completion' {
        It 'shows Code, Name, Category and Interactive in the table view' {
            $text = Resolve-AadstsError 50079 | Out-String -Width 200
            $text | Should -Match 'Code\s+Name\s+Category\s+Interactive'
            $text | Should -Match '50079\s+UserStrongAuthEnrollmentRequired\s+EnrollmentRequired\s+Yes'
        }

        It 'shows numbered remedy steps in the list view' {
            $text = Resolve-AadstsError 50079 | Format-List | Out-String -Width 200
            $text | Should -Match 'Remedy\s+: 1\. '
            $text | Should -Match 'HelpUri\s+: https://login.microsoftonline.com/error\?code=50079'
        }

        It 'completes known codes from a prefix' {
            $completion = TabExpansion2 -inputScript 'Resolve-AadstsError 5007' -cursorColumn 24
            $completion.CompletionMatches.CompletionText | Should -Contain '50074'
            $completion.CompletionMatches.CompletionText | Should -Contain '50079'
            $completion.CompletionMatches.CompletionText | Should -Not -Contain '53003'
        }

        It 'completes codes by name fragment' {
            $completion = TabExpansion2 -inputScript 'Resolve-AadstsError -Code Enrollment' -cursorColumn 36
            $completion.CompletionMatches.CompletionText | Should -Contain '50079'
        }
    }
}
