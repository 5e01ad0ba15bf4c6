# Get-StrongAuthKql against the built module: the catalog as objects, Sentinel templates as files, -WhatIf, errors.
BeforeAll {
    $script:outFolder = Join-Path ([System.IO.Path]::GetTempPath()) ("esa-kql-" + [guid]::NewGuid())
}

AfterAll {
    if (Test-Path $script:outFolder) { Remove-Item $script:outFolder -Recurse -Force }
}

Describe 'Get-StrongAuthKql' {
    Context 'the catalog' {
        It 'lists the cause query and the three alert rules with their metadata' {
            $all = Get-StrongAuthKql
            $all.Name | Should -Contain 'StrongAuthFailureCauses'
            ($all | Where-Object Kind -eq 'Alert').Name | Sort-Object |
                Should -Be @('AppNeverRecoversFromInteractionRequired', 'ScriptAccountFailingMfa', 'StrongAuthFailureSpike')
            $all[0].PSObject.TypeNames[0] | Should -Be 'EntraStrongAuth.Core.Workspace.KqlCatalogEntry'
            $script = $all | Where-Object Name -eq 'ScriptAccountFailingMfa'
            $script.Severity | Should -Be 'Medium'
            $script.Frequency | Should -Be 'PT1H'   # ISO 8601, as Sentinel writes it
            $script.Id | Should -Be ([guid]'76116958-89b1-4858-9763-5f249e622f9d')
            $script.Kql | Should -Match 'union isfuzzy=true'
        }

        It 'selects by wildcard name and by kind' {
            (Get-StrongAuthKql -Name '*spike*').Name | Should -Be 'StrongAuthFailureSpike'
            (Get-StrongAuthKql -Kind Analysis).Name | Should -Be 'StrongAuthFailureCauses'
            (Get-StrongAuthKql -Name StrongAuthFailureCauses).Kql | Should -Match 'extend Cause = case\('
        }

        It 'reports a name that matches nothing with KqlQueryNotFound and goes on' {
            $out = Get-StrongAuthKql -Name NoSuchQuery, StrongAuthFailureSpike -ErrorAction SilentlyContinue -ErrorVariable errs
            $out.Name | Should -Be 'StrongAuthFailureSpike'
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'KqlQueryNotFound,*'
        }

        It 'shows a table with the schedule' {
            $text = Get-StrongAuthKql -Kind Alert | Format-Table | Out-String -Width 300
            $text | Should -Match 'Frequency'
            $text | Should -Match 'StrongAuthFailureSpike\s+Alert\s+Medium\s+P1D\s+P14D'
        }

        It 'completes -Name' {
            $completion = TabExpansion2 -inputScript 'Get-StrongAuthKql -Name Script' -cursorColumn 'Get-StrongAuthKql -Name Script'.Length
            $completion.CompletionMatches.CompletionText | Should -Be 'ScriptAccountFailingMfa'
        }
    }

    Context 'Sentinel templates' {
        It 'writes one YAML file per alert rule and returns the files' {
            $folder = Join-Path $script:outFolder 'yaml'
            $files = Get-StrongAuthKql -AsSentinelTemplate -OutputPath $folder -WarningVariable warnings
            $warnings | Should -BeNullOrEmpty -Because 'without -Name only the alert rules are asked for'
            $files | Should -HaveCount 3
            $files[0] | Should -BeOfType System.IO.FileInfo
            $files.Name | Sort-Object | Should -Be @('AppNeverRecoversFromInteractionRequired.yaml', 'ScriptAccountFailingMfa.yaml', 'StrongAuthFailureSpike.yaml')
            $yaml = Get-Content (Join-Path $folder 'StrongAuthFailureSpike.yaml') -Raw
            $yaml | Should -Match "(?m)^id: '7a7517fc-d9a2-47c0-a43d-7432fcbb68c6'$"
            $yaml | Should -Match "(?m)^queryPeriod: '14d'$"
            $yaml | Should -Match "(?m)^kind: 'Scheduled'$"
            $yaml | Should -Match '(?m)^query: \|-$'
            $yaml | Should -Match 'series_decompose_anomalies'
        }

        It 'writes ARM templates that parse as JSON with the alertRules resource' {
            $folder = Join-Path $script:outFolder 'arm'
            $files = Get-StrongAuthKql -Name ScriptAccountFailingMfa -AsSentinelTemplate -Format Arm -OutputPath $folder
            $files.Name | Should -Be 'ScriptAccountFailingMfa.json'
            $template = Get-Content $files.FullName -Raw | ConvertFrom-Json
            $template.parameters.workspace.type | Should -Be 'string'
            $resource = $template.resources[0]
            $resource.type | Should -Be 'Microsoft.OperationalInsights/workspaces/providers/alertRules'
            $resource.kind | Should -Be 'Scheduled'
            $resource.name | Should -Be "[concat(parameters('workspace'),'/Microsoft.SecurityInsights/','76116958-89b1-4858-9763-5f249e622f9d')]"
            $resource.properties.queryFrequency | Should -Be 'PT1H'
            $resource.properties.triggerOperator | Should -Be 'GreaterThan'
            $resource.properties.query | Should -Be (Get-StrongAuthKql -Name ScriptAccountFailingMfa).Kql
        }

        It 'refuses to replace a file without -Force, and replaces it with -Force' {
            $folder = Join-Path $script:outFolder 'force'
            Get-StrongAuthKql -Name StrongAuthFailureSpike -AsSentinelTemplate -OutputPath $folder | Out-Null
            $path = Join-Path $folder 'StrongAuthFailureSpike.yaml'
            Set-Content $path 'old'
            $out = Get-StrongAuthKql -Name StrongAuthFailureSpike -AsSentinelTemplate -OutputPath $folder -ErrorAction SilentlyContinue -ErrorVariable errs
            $out | Should -BeNullOrEmpty
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'OutFileExists,*'
            (Get-Content $path -Raw).Trim() | Should -Be 'old'
            Get-StrongAuthKql -Name StrongAuthFailureSpike -AsSentinelTemplate -OutputPath $folder -Force | Out-Null
            Get-Content $path -Raw | Should -Match 'StrongAuthFailureSpike|Spike of strong-authentication failures'
        }

        It '-WhatIf writes nothing' {
            $folder = Join-Path $script:outFolder 'whatif'
            $out = Get-StrongAuthKql -AsSentinelTemplate -Format Arm -OutputPath $folder -WhatIf
            $out | Should -BeNullOrEmpty
            Test-Path $folder | Should -BeFalse
        }

        It 'warns that an analysis query has no template' {
            $folder = Join-Path $script:outFolder 'analysis'
            $out = Get-StrongAuthKql -Name StrongAuthFailureCauses -AsSentinelTemplate -OutputPath $folder -WarningVariable warnings -WarningAction SilentlyContinue
            $out | Should -BeNullOrEmpty
            $warnings[0] | Should -Match 'analysis query'
        }

        It 'stops with KqlOutputPathInvalid when -OutputPath is a file or not on the file system' {
            $file = Join-Path $script:outFolder 'a-file.txt'
            New-Item -ItemType File -Force -Path $file | Out-Null
            { Get-StrongAuthKql -AsSentinelTemplate -OutputPath $file } | Should -Throw -ErrorId 'KqlOutputPathInvalid,*'
            { Get-StrongAuthKql -AsSentinelTemplate -OutputPath 'Variable:\x' } | Should -Throw -ErrorId 'KqlOutputPathInvalid,*'
        }
    }
}
