<#
    Help quality gate for the built module (Pester 5).

    Assumes the runner has already imported the built EntraStrongAuth module, with the MAML
    and about topics that build/New-MamlHelp.ps1 generated next to it. That script already
    refuses undocumented parameters at build time; these tests check what a user actually
    gets from Get-Help, so a help file that is missing, misnamed or put in the wrong folder
    still fails here.
#>

BeforeDiscovery {
    # Cases are computed at discovery time so that each cmdlet and each parameter shows up as
    # its own named test, and a failure names exactly what is undocumented.
    $cmdlets = @(Get-Command -Module EntraStrongAuth -CommandType Cmdlet | Sort-Object Name)

    # Common and ShouldProcess parameters (-Verbose, -WhatIf, ...) are documented by PowerShell
    # in about_CommonParameters, not by each cmdlet.
    $commonParameters = @([System.Management.Automation.PSCmdlet]::CommonParameters) +
    @([System.Management.Automation.PSCmdlet]::OptionalCommonParameters)

    $cmdletCases = @(foreach ($cmdlet in $cmdlets) { @{ Name = $cmdlet.Name } })

    $parameterCases = @(
        foreach ($cmdlet in $cmdlets) {
            foreach ($parameterName in $cmdlet.Parameters.Keys) {
                # DontShow parameters are plumbing for a piped object's type: hidden from syntax and help alike.
                $hidden = @($cmdlet.Parameters[$parameterName].Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and $_.DontShow }).Count -gt 0
                if ($commonParameters -notcontains $parameterName -and -not $hidden) {
                    @{ Command = $cmdlet.Name; Parameter = $parameterName }
                }
            }
        }
    )
}

Describe 'EntraStrongAuth help' {
    It 'exports cmdlets to check (an empty list would make every other test vanish)' {
        @(Get-Command -Module EntraStrongAuth -CommandType Cmdlet).Count | Should -BeGreaterThan 0
    }
}

Describe 'Help for <Name>' -ForEach $cmdletCases {
    BeforeAll {
        $help = Get-Help -Name $Name -Full -ErrorAction Stop
    }

    It 'is authored MAML help, not help generated from the syntax' {
        # Without a help file Get-Help builds a CmdletHelpInfo whose synopsis is the syntax.
        $help.PSObject.TypeNames | Should -Contain 'MamlCommandHelpInfo'
        $synopsis = ([string]$help.Synopsis).Trim()
        $synopsis | Should -Not -BeNullOrEmpty
        $synopsis | Should -Not -Match '\[<CommonParameters>\]'
        $synopsis | Should -Not -Be $Name
    }

    It 'has a description' {
        $text = (@($help.description) | Where-Object { $_ } | ForEach-Object { $_.Text }) -join ''
        $text.Trim() | Should -Not -BeNullOrEmpty
    }

    It 'has at least one example with code and remarks' {
        $examples = @($help.examples.example | Where-Object { $_ })
        $examples.Count | Should -BeGreaterThan 0
        $complete = @(
            $examples | Where-Object {
                $code = ([string]$_.code).Trim()
                $remarks = ((@($_.remarks) | Where-Object { $_ } | ForEach-Object { $_.Text }) -join '').Trim()
                $code -ne '' -and $remarks -ne ''
            }
        )
        $complete.Count | Should -BeGreaterThan 0 -Because 'at least one example needs both code and remarks'
    }
}

Describe 'Parameter help' {
    It '<Command> -<Parameter> has a description' -ForEach $parameterCases {
        $parameterHelp = Get-Help -Name $Command -Parameter $Parameter -ErrorAction Stop
        $text = (@($parameterHelp.description) | Where-Object { $_ } | ForEach-Object { $_.Text }) -join ''
        $text.Trim() | Should -Not -BeNullOrEmpty
    }
}

Describe 'about_EntraStrongAuth' {
    It 'is found as a help file and mentions the module' {
        # -Category HelpFile: a plain Get-Help would fall back to a full-text search of command
        # help, whose results also mention the module name, and pass without any about topic.
        $about = Get-Help -Name about_EntraStrongAuth -Category HelpFile -ErrorAction Stop | Out-String
        $about | Should -Match 'about_EntraStrongAuth'
        $about | Should -Match 'EntraStrongAuth'
    }
}
