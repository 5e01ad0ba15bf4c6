# What leaves the module reads the same in JSON and CSV as on screen: enum values as names, durations as text,
# dictionaries keyed by strings (ConvertTo-Json refuses any other key), and no CSV cell that is a .NET type name.
BeforeDiscovery {
    $script:commands = @(
        @{ Name = 'Get-StrongAuthFailure'; Run = { Get-StrongAuthFailure -Path $graph | Select-Object -First 60 } }
        @{ Name = 'Get-StrongAuthFailure -Summary'; Run = { Get-StrongAuthFailure -Path $graph -Summary } }
        @{ Name = 'Find-HeadlessUserSignIn'; Run = { Find-HeadlessUserSignIn -Path $graph } }
        @{ Name = 'Test-MfaEnrollment'; Run = { Test-MfaEnrollment -All -Path $enrollment -WarningAction SilentlyContinue } }
        @{ Name = 'Test-StrongAuthReadiness'; Run = { Test-StrongAuthReadiness -Path $graph -RequireMfa } }
        @{ Name = 'Test-StrongAuthReadiness -Summary'; Run = { Test-StrongAuthReadiness -Path $graph -RequireMfa -Summary } }
        @{ Name = 'Test-StrongAuthRemediation'; Run = { Get-StrongAuthFailure -Path $graph | Select-Object -First 5 | Test-StrongAuthRemediation -Path $graph -FixedAt '2026-11-20' } }
        @{ Name = 'Debug-StrongAuthFailure'; Run = { Get-StrongAuthFailure -Path $graph | Select-Object -First 2 | Debug-StrongAuthFailure -Path $graph } }
        @{ Name = 'Resolve-AadstsError'; Run = { Resolve-AadstsError 50074, 50076, 50079 } }
        @{ Name = 'Get-AuthenticationStrength'; Run = { Get-AuthenticationStrength } }
        @{ Name = 'Get-StrongAuthKql'; Run = { Get-StrongAuthKql } }
    )
}

BeforeAll {
    $samples = Join-Path $PSScriptRoot '../../samples'
    $script:graph = Join-Path $samples 'signins/signins.graph.json'
    $script:enrollment = Join-Path $samples 'enrollment'

    # Every value reachable through public properties (lists and dictionaries included) that JSON would write as a
    # number or an object of parts: enums, TimeSpans, and dictionaries keyed by anything but strings.
    function Find-UnreadableValue($value, [string] $path, [int] $depth) {
        if ($null -eq $value -or $depth -gt 5) { return }
        $type = $value.GetType()
        if ($type.IsEnum) { return "$path is the enum $($type.Name) ($value)" }
        if ($value -is [timespan]) { return "$path is a TimeSpan ($value)" }
        if ($value -is [string] -or $type.IsPrimitive -or $value -is [datetimeoffset] -or $value -is [datetime] -or $value -is [guid] -or $value -is [uri] -or $value -is [decimal]) { return }
        if ($value -is [System.Collections.IDictionary]) {
            foreach ($key in $value.Keys) {
                if ($key -isnot [string]) { return "$path is keyed by $($key.GetType().Name)" }
                Find-UnreadableValue $value[$key] "$path[$key]" ($depth + 1)
            }
            return
        }
        if ($value -is [System.Collections.IEnumerable]) {
            foreach ($item in @($value | Select-Object -First 3)) { Find-UnreadableValue $item "$path[]" ($depth + 1) }
            return
        }
        foreach ($property in $type.GetProperties()) {
            if ($property.GetIndexParameters().Count -gt 0) { continue }
            Find-UnreadableValue $property.GetValue($value) "$path.$($property.Name)" ($depth + 1)
        }
    }
}

Describe 'Output shapes: <Name>' -ForEach $commands {
    BeforeAll {
        $script:objects = @(& $Run)
    }

    It 'emits objects to test' {
        $objects.Count | Should -BeGreaterThan 0
    }

    It 'holds no enum, TimeSpan or non-string dictionary key anywhere ConvertTo-Json reaches' {
        $found = foreach ($object in $objects) { Find-UnreadableValue $object $object.GetType().Name 0 }
        @($found | Select-Object -Unique) | Should -BeNullOrEmpty
    }

    It 'converts to JSON and back' {
        $json = $objects | ConvertTo-Json -Depth 8 -WarningAction SilentlyContinue
        @($json | ConvertFrom-Json).Count | Should -Be $objects.Count
    }

    It 'exports to CSV with no cell that is a type name' {
        $rows = $objects | ConvertTo-Csv | ConvertFrom-Csv
        $typeNames = foreach ($row in $rows) {
            foreach ($property in $row.PSObject.Properties) {
                if ("$($property.Value)" -match '^(System|EntraStrongAuth)\.[\w.`\[\], =]+$') { "$($property.Name) = $($property.Value)" }
            }
        }
        @($typeNames | Select-Object -Unique) | Should -BeNullOrEmpty
    }
}

Describe 'Values as names in JSON' {
    It 'writes a failure''s cause, confidence and resolution as names and its time to resolve as [TimeSpan] text' {
        $failures = Get-StrongAuthFailure -Path $graph -IncludeBenign
        $script = $failures | Where-Object UserPrincipalName -eq 'svc-deploy@contoso.com' | Select-Object -First 1
        $json = $script | ConvertTo-Json -Depth 1 -WarningAction SilentlyContinue | ConvertFrom-Json
        $json.Cause | Should -BeExactly 'HeadlessUserAccount'
        $json.Confidence | Should -BeIn 'High', 'Medium', 'Low'
        $json.Resolution | Should -BeExactly 'Unresolved'

        $resolved = $failures | Where-Object { $_.TimeToResolve } | Select-Object -First 1
        $resolved | Should -Not -BeNullOrEmpty
        $text = ($resolved | ConvertTo-Json -Depth 1 -WarningAction SilentlyContinue | ConvertFrom-Json).TimeToResolve
        $text | Should -Match '^\d{2}:\d{2}:\d{2}$'
        ([timespan] $text) | Should -Be (([datetimeoffset] $resolved.ResolvedAt) - $resolved.CreatedDateTime)
    }

    It 'counts readiness verdicts under their names' {
        $summary = Test-StrongAuthReadiness -Path $graph -RequireMfa -Summary
        $json = $summary | ConvertTo-Json -Depth 2 -WarningAction SilentlyContinue | ConvertFrom-Json
        $json.ByVerdict.WillBreak | Should -Be $summary.WillBreak
        $json.ByVerdict.Ready | Should -Be $summary.Ready
        "$($summary.ByVerdict)" | Should -Match '^Ready \d+, WillPrompt \d+, MustRegister \d+, WillBreak \d+$'
    }

    It 'still filters and compares by name in PowerShell' {
        $headless = Get-StrongAuthFailure -Path $graph | Where-Object Cause -eq HeadlessUserAccount
        $headless.Count | Should -BeGreaterThan 0
        @(Get-StrongAuthFailure -Path $graph -Cause HeadlessUserAccount).Count | Should -Be $headless.Count
    }
}
