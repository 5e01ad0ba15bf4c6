# The shipped manifest says what changed in the words of CHANGELOG.md's latest entry, never a stale summary.
BeforeAll {
    $script:repoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    Import-Module (Join-Path $repoRoot 'build/BuildTasks.psm1') -Force
}

Describe 'Release notes' {
    It 'are the latest CHANGELOG entry in the built manifest' {
        $latest = Get-LatestChangelogEntry -Changelog (Join-Path $repoRoot 'CHANGELOG.md')
        $latest | Should -Match '^\d+\.\d+\.\d+'
        $latest.Length | Should -BeGreaterThan 100
        $shipped = (Import-PowerShellDataFile $env:ENTRASTRONGAUTH_TEST_MODULE).PrivateData.PSData.ReleaseNotes
        $shipped | Should -BeExactly $latest
    }

    It 'take only the first entry, up to the next heading' {
        $file = Join-Path $TestDrive 'CHANGELOG.md'
        Set-Content $file "# Changelog`n`n## 0.2.0`n`n- Newer, with 'quotes'.`n`n## 0.1.0`n`n- Older."
        Get-LatestChangelogEntry -Changelog $file | Should -BeExactly "0.2.0`n`n- Newer, with 'quotes'."
    }
}
