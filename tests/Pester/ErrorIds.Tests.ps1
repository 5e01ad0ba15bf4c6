# Error ids are a contract with scripts: every id the module can raise is documented, and every id the help names
# is one the module raises.
BeforeAll {
    $script:repoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $script:ids = @([EntraStrongAuth.Core.Errors.ErrorIds].GetFields() | Where-Object IsLiteral | ForEach-Object { $_.GetRawConstantValue() })
    $about = Get-Content (Join-Path $repoRoot 'docs/en-US/about_EntraStrongAuth.md') -Raw
    $script:errorsSection = [regex]::Match($about, '(?ms)^## ERRORS\s*$(.*?)^## ').Groups[1].Value

    # An id-like word: two or more capitalised parts, not part of a command name (Import-SignInLog) or a type name.
    $script:idLike = '(?<![-\w.\[])[A-Z][a-z]+(?:[A-Z][a-z0-9]+)+(?![-\w\]])'
    # The words of the help's error lists that look like ids but are not (types, objects, parameters' values).
    $script:notIds = @('PowerShell', 'TargetObject', 'FullyQualifiedErrorId', 'ErrorRecord', 'SignInReadProblem') +
        [enum]::GetNames([System.Management.Automation.ErrorCategory])
}

Describe 'Error ids' {
    It 'are constants whose value is their name, with no duplicates' {
        $ids.Count | Should -BeGreaterThan 70
        ($ids | Sort-Object -Unique).Count | Should -Be $ids.Count
        [EntraStrongAuth.Core.Errors.ErrorIds].GetFields() | ForEach-Object { $_.GetRawConstantValue() | Should -BeExactly $_.Name }
    }

    It 'are each listed in the ERRORS section of about_EntraStrongAuth' {
        $errorsSection.Length | Should -BeGreaterThan 1000
        $undocumented = @($ids | Where-Object { $errorsSection -notmatch "(?<![\w-])$_(?![\w-])" })
        $undocumented | Should -BeNullOrEmpty
    }

    It 'named in the help''s error lists all exist' {
        $helpFiles = @(Get-ChildItem (Join-Path $repoRoot 'docs/en-US') -Filter *.md)
        $helpFiles.Count | Should -BeGreaterThan 10
        $unknown = foreach ($file in $helpFiles) {
            $text = Get-Content $file.FullName -Raw
            # The error lists: the about topic's ERRORS section and the NOTES of each command's help.
            $lists = if ($file.Name -like 'about_*') { $errorsSection } else { [regex]::Match($text, '(?ms)^## NOTES\s*$(.*?)(^## |\z)').Groups[1].Value }
            foreach ($line in $lists -split "`n" | Where-Object { $_ -match '^\s*- ' }) {
                # The head of a bullet names the ids: the text before its first ':', less what is in parentheses
                # (the error category, whether it stops the command).
                $head = ($line -split ':', 2)[0] -replace '\([^)]*(\)|$)', ''
                foreach ($word in [regex]::Matches($head, $idLike).Value) {
                    if ($word -notin $ids -and $word -notin $notIds) { "$($file.Name): $word" }
                }
            }
        }
        @($unknown | Sort-Object -Unique) | Should -BeNullOrEmpty
    }

    It 'are the only ids the sources raise: no literal id outside ErrorIds' {
        $pattern = '((EntraStrongAuthException|SignInReadProblem|RegistrationReadProblem|PolicyReadProblem|ErrorRecords\.Create)\(\s*|new ErrorRecord\([^,]+,\s*)"[A-Z]'
        $literal = foreach ($file in Get-ChildItem (Join-Path $repoRoot 'src') -Recurse -Filter *.cs | Where-Object { $_.FullName -notmatch '[\\/](bin|obj)[\\/]' }) {
            $text = Get-Content $file.FullName -Raw
            foreach ($match in [regex]::Matches($text, $pattern)) { "$($file.Name): $($match.Value)" }
        }
        @($literal) | Should -BeNullOrEmpty
    }
}
