# Write-Progress of long reads says the totals so far and the rate, with the share done where the total is known:
# the progress records of a file run and of a live run (the Graph simulator serving the sample tenant), captured in a
# runspace of their own (a pipeline's Streams.Progress), asserted against what the run really returned.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'Support/GraphSimulator.psm1') -Force
    $script:modulePath = (Get-Module EntraStrongAuth).Path
    $script:samples = (Resolve-Path (Join-Path $PSScriptRoot '../../samples/signins')).Path

    function Invoke-Captured([scriptblock] $Script, [object[]] $Arguments) {
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript("Import-Module '$modulePath'; `$ProgressPreference = 'Continue'").AddStatement().AddScript($Script.ToString())
            foreach ($argument in $Arguments) { $null = $ps.AddArgument($argument) }
            $output = $ps.Invoke()
            [pscustomobject]@{ Output = @($output); Errors = @($ps.Streams.Error); Progress = @($ps.Streams.Progress) }
        }
        finally {
            $ps.Dispose()
        }
    }

    function Format-Count([long] $Value) { $Value.ToString('N0', [cultureinfo]::InvariantCulture) }
}

Describe 'Progress of a file read' {
    It 'says files, sign-ins read with their rate, failures and bytes, and the share of the bytes read' {
        $first = Join-Path $samples 'signins.graph.json'
        $second = Join-Path $samples 'signins.graph-pages.ndjson.gz'
        $run = Invoke-Captured { param($a, $b) Import-SignInLog -Path $a, $b } @($first, $second)
        $run.Errors | Should -BeNullOrEmpty
        $fromFirst = @($run.Output | Where-Object { $_.Source -like "$first*" })
        $fromFirst.Count | Should -BeGreaterThan 100
        $run.Output.Count | Should -BeGreaterThan $fromFirst.Count
        $failed = @($run.Output | Where-Object ErrorCode -ne 0).Count
        $failed | Should -BeGreaterThan 0

        $records = @($run.Progress | Where-Object Activity -eq 'Reading sign-in logs')
        $done = $records[-1]
        $done.RecordType | Should -Be 'Completed'
        $done.StatusDescription | Should -Match ('^2 files · ' + [regex]::Escape((Format-Count $run.Output.Count)) + ' sign-ins read \([\d,.]+/s\) · ' + [regex]::Escape((Format-Count $failed)) + ' failed · ')
        $size = (Get-Item $first).Length + (Get-Item $second).Length
        $shown = if ($size -ge 1MB) { ($size / 1MB).ToString('#,0.#', [cultureinfo]::InvariantCulture) + ' MB' } else { ($size / 1KB).ToString('#,0.#', [cultureinfo]::InvariantCulture) + ' KB' }
        $done.StatusDescription | Should -BeLike "* · $($shown -replace ' (MB|KB)$') of $shown"
        $done.PercentComplete | Should -Be 100

        # Each file ends with a report: the first says its own totals and its share of all the bytes.
        $afterFirst = @($records | Where-Object { $_.StatusDescription -like 'File 1 of 2: signins.graph.json · *' })[-1]
        $afterFirst.StatusDescription | Should -Match (' · ' + [regex]::Escape((Format-Count $fromFirst.Count)) + ' sign-ins read \([\d,.]+/s\) · ')
        $afterFirst.PercentComplete | Should -Be ([math]::Floor(100 * (Get-Item $first).Length / $size))
        $afterFirst.SecondsRemaining | Should -BeGreaterOrEqual 0
        $afterSecond = @($records | Where-Object { $_.StatusDescription -like 'File 2 of 2: signins.graph-pages.ndjson.gz · *' })[-1]
        $afterSecond.PercentComplete | Should -Be 100
        $afterSecond.SecondsRemaining | Should -Be 0
    }
}

Describe 'Progress of a live read (Graph simulator)' {
    BeforeAll {
        $script:sim = Start-GraphSimulator -Arguments @('--seed', '42', '--users', '60', '--days', '7', '--throttle', '50/10s')
    }

    AfterAll {
        if ($sim) { Stop-GraphSimulator $sim }
    }

    It 'says sign-ins read with their rate, the days covered of those asked for, requests and throttling' {
        $expected = @(Import-SignInLog -Path (Join-Path $samples 'signins.graph.json'))
        $start = ($expected.CreatedDateTime | Measure-Object -Minimum).Minimum.UtcDateTime
        $end = ($expected.CreatedDateTime | Measure-Object -Maximum).Maximum.UtcDateTime.AddSeconds(1)
        $run = Invoke-Captured {
            param($uri, $start, $end)
            $token = ConvertTo-SecureString 'progress-test-token' -AsPlainText -Force
            Connect-EntraStrongAuth -AccessToken $token -GraphEndpoint $uri -MaxRequestsPerWindow 50 -ErrorAction Stop
            try { Get-SignInLog -StartTime $start -EndTime $end } finally { Disconnect-EntraStrongAuth }
        } @($sim.BaseUri, $start, $end)
        $run.Errors | Should -BeNullOrEmpty
        $run.Output.Count | Should -Be $expected.Count

        $records = @($run.Progress | Where-Object { $_.StatusDescription -match ' sign-ins read ' })
        $done = $records[-1]
        $done.RecordType | Should -Be 'Completed'
        $line = [regex]::Match($done.StatusDescription, '^' + [regex]::Escape((Format-Count $expected.Count)) + ' sign-ins read \([\d,.]+/s\) · (?<covered>[\d,.]+) of (?<asked>[\d,.]+) days · (?<slices>\d+) of \k<slices> slices · (?<requests>[\d,]+) requests · \d+ throttled$')
        $line.Success | Should -BeTrue -Because $done.StatusDescription
        $line.Groups['covered'].Value | Should -Be $line.Groups['asked'].Value
        $line.Groups['asked'].Value | Should -Be (($end - $start).TotalDays.ToString('#,0.#', [cultureinfo]::InvariantCulture))
        [int]$line.Groups['requests'].Value | Should -BeGreaterThan 0
        $done.PercentComplete | Should -Be 100
    }
}
