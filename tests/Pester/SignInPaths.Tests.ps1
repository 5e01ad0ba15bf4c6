# How -Path and -Recurse find sign-in files on shares the admin does not control: links to folders, folders that
# cannot be listed, and files that are not regular files (a FIFO named *.json) never hang, loop or abort the read.
BeforeAll {
    $script:graphFile = (Resolve-Path (Join-Path $PSScriptRoot '../../samples/signins/signins.graph.json')).Path
    $script:one = @((Get-Content $graphFile -Raw | ConvertFrom-Json) | Select-Object -First 1)
    $script:modulePath = (Get-Module EntraStrongAuth).Path

    function New-SignInFile([string] $Path) {
        $null = New-Item -ItemType Directory -Force -Path (Split-Path $Path)
        Set-Content -Path $Path -Value (ConvertTo-Json -InputObject $one -Depth 20) -NoNewline
    }

    # Runs a script in its own runspace and gives up (stopping it without waiting) after $Seconds: a hang fails the test instead of the run.
    function Invoke-WithTimeout([scriptblock] $Script, [object[]] $Arguments, [int] $Seconds = 60) {
        $ps = [powershell]::Create()
        $null = $ps.AddScript("Import-Module '$modulePath'").AddStatement().AddScript($Script.ToString())
        foreach ($argument in $Arguments) { $null = $ps.AddArgument($argument) }
        $async = $ps.BeginInvoke()
        if (-not $async.AsyncWaitHandle.WaitOne([timespan]::FromSeconds($Seconds))) {
            $null = $ps.BeginStop($null, $null)
            throw "Still running after $Seconds s."
        }

        $output = $ps.EndInvoke($async)
        [pscustomobject]@{ Output = @($output); Errors = @($ps.Streams.Error); Warnings = @($ps.Streams.Warning) }
    }
}

Describe 'Import-SignInLog -Recurse and links' -Skip:(-not ($IsLinux -or $IsMacOS)) {
    It 'does not follow a link to a parent folder: each file read once, the link named in a warning' {
        $root = Join-Path $TestDrive 'loop'
        New-SignInFile (Join-Path $root 'a.json')
        New-SignInFile (Join-Path $root 'sub/b.json')
        $null = New-Item -ItemType SymbolicLink -Path (Join-Path $root 'sub/up') -Target $root
        $null = New-Item -ItemType SymbolicLink -Path (Join-Path $root 'sub/again') -Target $root
        try {
            $result = Invoke-WithTimeout { param($root) Import-SignInLog -Path $root -Recurse } $root
        }
        finally {
            # Pester lists TestDrive with Directory.GetFileSystemEntries, which follows these links forever.
            rm (Join-Path $root 'sub/up') (Join-Path $root 'sub/again')
        }

        $result.Output.Count | Should -Be 2
        @($result.Output.Source -replace '#\d+$' | Sort-Object) | Should -Be @((Join-Path $root 'a.json'), (Join-Path $root 'sub/b.json'))
        $result.Errors | Should -BeNullOrEmpty
        $result.Warnings.Count | Should -Be 2
        $result.Warnings[0].Message | Should -BeLike "*$(Join-Path $root 'sub/again')*not followed*"
    }

    It 'reads a file reached through a link to a folder beside it only once' {
        $root = Join-Path $TestDrive 'twice'
        New-SignInFile (Join-Path $root 'real/a.json')
        $null = New-Item -ItemType SymbolicLink -Path (Join-Path $root 'alias') -Target (Join-Path $root 'real')

        $result = Invoke-WithTimeout { param($root) Import-SignInLog -Path $root -Recurse -WarningAction SilentlyContinue } $root

        $result.Output.Count | Should -Be 1
        $result.Errors | Should -BeNullOrEmpty
    }

    It 'reads the folder a link points to when the link itself is named' {
        $root = Join-Path $TestDrive 'named'
        New-SignInFile (Join-Path $root 'real/a.json')
        $link = Join-Path $root 'alias'
        $null = New-Item -ItemType SymbolicLink -Path $link -Target (Join-Path $root 'real')

        (Import-SignInLog -Path $link -Recurse).Count | Should -Be 1
    }
}

Describe 'Import-SignInLog -Recurse and a folder it cannot list' -Skip:(-not ($IsLinux -or $IsMacOS)) {
    It 'reports the folder as SignInPathUnreadable and reads the others' -Skip:(($IsLinux -or $IsMacOS) -and (id -u) -eq '0') {
        # Skipped when run as root, who can list a folder whatever its permissions.
        $root = Join-Path $TestDrive 'locked'
        New-SignInFile (Join-Path $root 'a.json')
        New-SignInFile (Join-Path $root 'open/b.json')
        New-SignInFile (Join-Path $root 'closed/c.json')
        chmod 000 (Join-Path $root 'closed')
        try {
            $events = Import-SignInLog -Path $root -Recurse -ErrorAction SilentlyContinue -ErrorVariable errs
        }
        finally {
            chmod 755 (Join-Path $root 'closed')
        }

        $events.Count | Should -Be 2
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'SignInPathUnreadable,*'
        $errs[0].CategoryInfo.Category | Should -Be 'ReadError'
        $errs[0].Exception.Message | Should -BeLike "*$(Join-Path $root 'closed')*"
    }
}

Describe 'Import-SignInLog and files that are not regular files' -Skip:(-not ($IsLinux -or $IsMacOS)) {
    It 'reports a FIFO named *.json without opening it, and reads the files beside it' {
        $root = Join-Path $TestDrive 'fifo'
        New-SignInFile (Join-Path $root 'a.json')
        New-SignInFile (Join-Path $root 'c.json')
        mkfifo (Join-Path $root 'b.json')

        $result = Invoke-WithTimeout { param($root) Import-SignInLog -Path $root } $root 30

        $result.Output.Count | Should -Be 2
        $result.Errors.Count | Should -Be 1
        $result.Errors[0].FullyQualifiedErrorId | Should -BeLike 'SignInLogUnreadable,*'
        $result.Errors[0].Exception.Message | Should -BeLike "*$(Join-Path $root 'b.json')*not a regular file*"
    }
}

Describe 'Path strings from the pipeline' {
    It 'are read as -Path by the commands that also take piped sign-ins (no AmbiguousParameterSet)' {
        $byParameter = @(Get-StrongAuthFailure -Path $graphFile)
        $piped = @($graphFile | Get-StrongAuthFailure -ErrorVariable errs)

        $errs | Should -BeNullOrEmpty
        $piped.Count | Should -Be $byParameter.Count
        $byParameter.Count | Should -BeGreaterThan 0
        ($piped.SignInId | Sort-Object) -join ',' | Should -Be (($byParameter.SignInId | Sort-Object) -join ',')
    }

    It 'expand wildcards like -Path, for Find-HeadlessUserSignIn too' {
        $pattern = Join-Path (Split-Path $graphFile) 'signins.graph*.json'
        $piped = @($pattern | Find-HeadlessUserSignIn -ErrorVariable errs -WarningAction SilentlyContinue)

        $errs | Should -BeNullOrEmpty
        $piped.Count | Should -Be @(Find-HeadlessUserSignIn -Path $pattern -WarningAction SilentlyContinue).Count
        $piped.Count | Should -BeGreaterThan 0
    }
}
