# The examples of the command help, read from its source (docs/en-US/<Verb-Noun>.md, from which the build makes the
# MAML help): one object per "### Example N" with its powershell code block, keyed "<Verb-Noun> <N>".

function Get-HelpExample {
    [CmdletBinding()]
    param([Parameter(Mandatory)] [string] $HelpFolder)

    foreach ($file in Get-ChildItem $HelpFolder -Filter '*-*.md' | Sort-Object Name) {
        $text = Get-Content -Raw $file.FullName
        $section = ($text -split '(?m)^## EXAMPLES\s*$', 2)[1] -split '(?m)^## ', 2 | Select-Object -First 1
        foreach ($match in [regex]::Matches($section, '(?ms)^### Example (\d+)[^\n]*\n```powershell\r?\n(.*?)^```')) {
            [pscustomobject]@{ Key = "$($file.BaseName) $($match.Groups[1].Value)"; Code = $match.Groups[2].Value }
        }
    }
}

Export-ModuleMember -Function Get-HelpExample
