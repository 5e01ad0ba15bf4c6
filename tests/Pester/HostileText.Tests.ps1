# Control characters from a sign-in file (its name, a column, a cell) never reach the host raw: every error, warning
# and verbose line shows them escaped (\u001B), so a file cannot drive the admin's terminal.
Describe 'Control characters from input' {
    It 'are escaped in errors, warnings and verbose lines' {
        $esc = [char]27
        $bel = [char]7
        $file = Join-Path $TestDrive "evil$esc]0;title$bel.csv"
        Set-Content -LiteralPath $file -Encoding utf8NoBOM -Value @(
            "TimeGenerated,ResultType,UserPrincipalName,Id,Col$esc[31m",
            "`"$esc[2J$($bel)bad`",50076,u@contoso.com,a,x")

        $verbose = @(Import-SignInLog -LiteralPath $file -ErrorVariable errs -ErrorAction SilentlyContinue -WarningVariable warns -WarningAction SilentlyContinue -Verbose 4>&1)

        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'SignInFieldInvalid,*'
        $message = if ($errs[0].ErrorDetails) { $errs[0].ErrorDetails.Message } else { $errs[0].Exception.Message }
        $message | Should -Not -Match "[\x00-\x08\x0B-\x1F\x7F]"
        $message | Should -BeLike '*\u001B`[2J\u0007bad*'
        $message | Should -BeLike '*evil\u001B]0;title\u0007.csv*'
        $warns.Count | Should -Be 1
        $warns[0].Message | Should -Not -Match "[\x00-\x08\x0B-\x1F\x7F]"
        $warns[0].Message | Should -BeLike '*Col\u001B`[31m*'
        $verbose.Count | Should -BeGreaterThan 0
        foreach ($line in $verbose) { $line.Message | Should -Not -Match "[\x00-\x08\x0B-\x1F\x7F]" }
        ($verbose.Message -join "`n") | Should -BeLike '*evil\u001B]0;title\u0007.csv*'
    }
}

Describe 'Control characters from a log in the default views' {
    It 'are escaped in the sign-in table view and the failure table and list views' {
        $esc = [char]27
        $file = Join-Path $TestDrive 'hostile.csv'
        Set-Content -LiteralPath $file -Encoding utf8NoBOM -Value @(
            'TimeGenerated,CreatedDateTime,ResultType,UserPrincipalName,AppDisplayName,AppId,Id,CorrelationId,AuthenticationProtocol,IsInteractive',
            "2026-11-20T10:00:00Z,2026-11-20T10:00:00Z,50076,`"ann$esc[2J@contoso.com`",`"App$esc]0;pwned$([char]7)`",a1,`"id$esc[31m`",c1,`"ropc$esc[5m`",true")

        $signIn = @(Import-SignInLog -LiteralPath $file -WarningAction SilentlyContinue)
        $failure = @(Get-StrongAuthFailure -LiteralPath $file -WarningAction SilentlyContinue)
        $signIn.Count | Should -Be 1
        $failure.Count | Should -Be 1

        # SignInEvent has a table view only; Format-List shows its raw properties, like Format-List * on any view.
        foreach ($shown in @(($signIn | Format-Table | Out-String -Width 200), ($failure | Format-Table | Out-String -Width 200), ($failure | Format-List | Out-String -Width 200))) {
            # The log's own sequences never reach the host raw (the host's own header styling may use escapes).
            foreach ($raw in @("$esc[2J", "$esc]0;pwned", "$esc[31m", "$esc[5m")) { $shown | Should -Not -Match ([regex]::Escape($raw)) }
            $shown | Should -Match ([regex]::Escape('ann\u001B[2J@contoso.com'))
        }
        ($signIn | Format-Table | Out-String -Width 200) | Should -Match ([regex]::Escape('App\u001B]0;pwned\u0007'))
    }
}
