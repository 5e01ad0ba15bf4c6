# Docs that disagree with the behaviour are defects: the about topic names every shipped command, no help calls a
# shipped command planned or unavailable, and Get-StrongAuthFailure's documented output order is what comes.
BeforeAll {
    $script:repoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $script:helpFolder = Join-Path $repoRoot 'docs/en-US'
    $script:commands = @((Import-PowerShellDataFile (Join-Path $repoRoot 'EntraStrongAuth.psd1')).CmdletsToExport)
}

Describe 'Help in step with the shipped commands' {
    It 'the about topic names every exported command' {
        $about = Get-Content -Raw (Join-Path $helpFolder 'about_EntraStrongAuth.md')
        $commands.Count | Should -BeGreaterThan 12
        @($commands | Where-Object { $about -notmatch [regex]::Escape($_) }) | Should -BeNullOrEmpty
    }

    It 'no help calls a shipped command planned or not available' {
        $stale = foreach ($file in Get-ChildItem $helpFolder -Filter *.md) {
            foreach ($line in Get-Content $file.FullName) {
                if ($line -match 'not available (yet|in this release)|planned for a later|Later releases are planned|will come with') { "$($file.Name): $line" }
            }
        }
        @($stale) | Should -BeNullOrEmpty
    }
}

Describe 'Get-StrongAuthFailure output order, as its help says' {
    It 'follows the input: newest first from the sample (Graph order), oldest first from a file sorted oldest first' {
        $sample = Join-Path $repoRoot 'samples/signins/signins.graph.json'
        $newestFirst = @(Get-StrongAuthFailure -Path $sample -WarningAction SilentlyContinue).CreatedDateTime
        $newestFirst.Count | Should -Be 47
        ($newestFirst -join ',') | Should -Be (($newestFirst | Sort-Object -Descending) -join ',')

        $records = @(Get-Content -Raw $sample | ConvertFrom-Json -Depth 20) | Sort-Object { [datetimeoffset]$_.createdDateTime }
        $ascending = Join-Path $TestDrive 'ascending.json'
        ConvertTo-Json -InputObject @($records) -Depth 20 | Set-Content -LiteralPath $ascending -Encoding utf8NoBOM
        $oldestFirst = @(Get-StrongAuthFailure -Path $ascending -WarningAction SilentlyContinue).CreatedDateTime
        $oldestFirst.Count | Should -Be 47
        ($oldestFirst -join ',') | Should -Be (($oldestFirst | Sort-Object) -join ',')
    }
}
