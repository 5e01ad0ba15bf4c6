<#
.SYNOPSIS
    Builds the MAML help file (and about_*.help.txt topics) of a binary module from
    per-cmdlet markdown prose plus the module's real command metadata.

.DESCRIPTION
    Markdown holds prose only; the compiled cmdlets hold metadata (parameter types,
    parameter sets, positions, pipeline binding, aliases, valid values). This script
    imports the built module, reads that metadata with Get-Command, and merges it with
    the prose of <Verb-Noun>.md files into one MAML file, so neither side can drift.

    Every problem found (missing file, missing or unknown section, undocumented or
    unknown parameter, example without code, ...) is reported, then the script exits
    with code 1 without writing anything. Run it in a fresh child pwsh: it imports the
    module into the current process with -Force.

.PARAMETER ModulePath
    Path of the built module (.psd1 or .dll) to Import-Module.

.PARAMETER MarkdownFolder
    Folder holding one <Verb-Noun>.md file per cmdlet. about_*.md files and files whose
    name is not Verb-Noun shaped (README.md, ...) are ignored here.

.PARAMETER OutputFile
    Path of the MAML file to write, normally <ModuleBase>/en-US/<Assembly>.dll-Help.xml
    (the name PowerShell looks for is the cmdlet's HelpFile property; a mismatch is
    reported as a warning).

.PARAMETER AboutFolder
    Optional folder with about_*.md files to convert into about_*.help.txt.

.PARAMETER AboutOutputFolder
    Where the about_*.help.txt files go. Defaults to the folder of OutputFile, which is
    where Get-Help looks for them (<ModuleBase>/<culture>/).

.EXAMPLE
    pwsh -NoProfile -File ./build/New-MamlHelp.ps1 -ModulePath ./out/EntraStrongAuth/EntraStrongAuth.psd1 `
        -MarkdownFolder ./docs/help -OutputFile ./out/EntraStrongAuth/en-US/EntraStrongAuth.Cmdlets.dll-Help.xml `
        -AboutFolder ./docs/help

.NOTES
    CMDLET MARKDOWN FORMAT (<Verb-Noun>.md; one file per cmdlet, file name = cmdlet name)

        # Resolve-AadstsError                 <- level-1 heading: exactly the cmdlet name

        ## SYNOPSIS                           <- required: exactly one paragraph
        One paragraph.

        ## DESCRIPTION                        <- required: paragraphs, lists, code blocks
        One or more paragraphs (blank-line separated).

        ## EXAMPLES                           <- required: at least one '### ' example

        ### Example 1: Title                  <- heading text becomes the example title
        ```powershell                         <- required: at least one fenced code block
        Resolve-AadstsError 50074
        ```

        Remarks paragraph(s).                 <- text after the first code block = remarks
                                                 (text before it = introduction)

        ## PARAMETERS                         <- required (may be empty if the cmdlet has
                                                 no parameters of its own)
        ### -Code                             <- one per parameter, named exactly as in code
        Paragraph(s).                            (common parameters are never documented;
                                                 -WhatIf/-Confirm are optional and get the
                                                 standard text when absent)

        ## INPUTS                             <- optional; '### <type name>' + paragraph(s)
        ### System.String
        Paragraph.

        ## OUTPUTS                            <- optional; '### <type name>' + paragraph(s)
        ### EntraStrongAuth.AadstsErrorInfo
        Paragraph.

        ## NOTES                              <- optional: paragraph(s)
        Paragraph(s).

        ## RELATED LINKS                      <- optional: one link per line / list item
        - [about_EntraStrongAuth](about_EntraStrongAuth)
        - [Online reference](https://example.org/page)

    Rules and conventions:
    - Section names are matched case-insensitively; unknown or repeated sections, text
      between the title and the first section, and headings deeper than '###' are errors.
    - A paragraph is a run of non-blank lines; its lines are joined with one space.
      List items ('- ', '* ', '1. ') and tables ('| ... |') keep one item / row per line.
      Fenced code (``` or ~~~) is kept verbatim. **bold** markers are removed and
      [text](url) becomes 'text (url)' so Get-Help prints plain, readable text.
    - Parameters appear in the MAML in markdown order; metadata (type, sets, position,
      pipeline input, aliases, wildcard support, enum/ValidateSet values) comes from code.
    - When INPUTS / OUTPUTS are absent they are derived from code: the types of
      pipeline-bound parameters (or None), and the cmdlet's [OutputType].
    - A related link keeps its uri only when it is an absolute http(s) URL (Get-Help
      -Online opens the first such link); other targets, like about topics, are text only.

    ABOUT TOPIC MARKDOWN FORMAT (about_<Name>.md)

        # about_EntraStrongAuth               <- level-1 heading: exactly the file's name

        ## SHORT DESCRIPTION                  <- expected (a warning if absent): Get-Help
        One line.                                lists it as the topic's synopsis

        ## LONG DESCRIPTION
        Paragraphs, lists, code blocks, ### sub-headings.

    It becomes the conventional plain-text layout: a TOPIC header, '## ' headings as
    UPPERCASE titles at column 0, '### ' headings as underlined titles, text indented
    four spaces and wrapped at 80 columns, code indented eight spaces, verbatim.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory = $true)]
    [string] $ModulePath,

    [Parameter(Mandatory = $true)]
    [string] $MarkdownFolder,

    [Parameter(Mandatory = $true)]
    [string] $OutputFile,

    [string] $AboutFolder,

    [string] $AboutOutputFolder
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

# Parameters that PowerShell adds to every cmdlet and documents in about_CommonParameters:
# never documented per cmdlet, and Get-Help prints [<CommonParameters>] for them itself.
# UseTransaction only exists on Windows PowerShell 5.1, for cmdlets that support transactions.
$script:CommonParameterNames = @(
    'Verbose', 'Debug', 'ErrorAction', 'WarningAction', 'InformationAction', 'ProgressAction',
    'ErrorVariable', 'WarningVariable', 'InformationVariable', 'OutVariable', 'OutBuffer',
    'PipelineVariable', 'UseTransaction'
)

# -WhatIf/-Confirm mean the same on every cmdlet, so their markdown section is optional; they
# still belong in the syntax and parameter list, with the wording PowerShell's own help uses.
$script:ShouldProcessParameterText = @{
    'WhatIf'  = 'Shows what would happen if the cmdlet runs. The cmdlet is not run.'
    'Confirm' = 'Prompts you for confirmation before running the cmdlet.'
}

$script:KnownSections = @('SYNOPSIS', 'DESCRIPTION', 'EXAMPLES', 'PARAMETERS', 'INPUTS', 'OUTPUTS', 'NOTES', 'RELATED LINKS')
$script:RequiredSections = @('SYNOPSIS', 'DESCRIPTION', 'EXAMPLES', 'PARAMETERS')
# Sections whose content is a list of '### ' items rather than free prose.
$script:SectionsWithItems = @('EXAMPLES', 'PARAMETERS', 'INPUTS', 'OUTPUTS')

$script:Ns = @{
    Msh     = 'http://msh'
    Maml    = 'http://schemas.microsoft.com/maml/2004/10'
    Command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    Dev     = 'http://schemas.microsoft.com/maml/dev/2004/10'
}

# Every problem is collected rather than thrown, so one run shows the author all of them.
# Collections are made with ::new() throughout: in PowerShell 7.6, @() over a List created by
# New-Object (which wraps it in a PSObject) throws 'Argument types do not match'.
$script:Problems = [System.Collections.Generic.List[string]]::new()

function Add-Problem {
    # One line per problem, 'file:line: message', the shape editors and CI logs link to.
    param([string] $File, [int] $Line = 0, [string] $Message)
    $where = $File
    if ($Line -gt 0) { $where = '{0}:{1}' -f $File, $Line }
    $script:Problems.Add(('{0}: {1}' -f $where, $Message))
}

function Resolve-FullPath {
    # .NET APIs resolve relative paths against the process directory, not the PowerShell
    # location, so every path handed to them is made absolute first.
    param([string] $Path)
    $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($Path)
}

#region Markdown reading

function New-MarkdownBlock {
    param(
        [string] $Kind,
        [int] $Line,
        [string] $Text = '',
        [int] $Level = 0,
        [string[]] $Lines = @(),
        [string] $Marker = '',
        [bool] $Closed = $true
    )
    [pscustomobject]@{
        Kind   = $Kind      # Heading, Paragraph, ListItem, Table, Code
        Line   = $Line      # 1-based line number, for error messages
        Text   = $Text      # heading / paragraph / list item text
        Level  = $Level     # heading level
        Lines  = $Lines     # verbatim lines of Code and Table blocks
        Marker = $Marker    # list marker, '-' or '1.'
        Closed = $Closed    # false for a code fence that never ends
    }
}

function ConvertFrom-MarkdownLine {
    # Splits markdown into blocks once, so that later stages never see raw lines and a '#'
    # inside a code fence can never be mistaken for a heading.
    param([string[]] $Lines)

    $fencePattern = '^\s{0,3}(`{3,}|~{3,})'
    $headingPattern = '^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$'
    $listPattern = '^\s*([-*+]|\d+[.)])\s+(.*)$'
    $tablePattern = '^\s*\|'

    $i = 0
    while ($i -lt $Lines.Count) {
        $line = $Lines[$i]
        if ($line -match '^\s*$') { $i++; continue }

        if ($line -match $fencePattern) {
            $fence = $Matches[1]
            $closingPattern = '^\s{0,3}' + [regex]::Escape($fence.Substring(0, 1)) + '{' + $fence.Length + ',}\s*$'
            $start = $i + 1
            $body = [System.Collections.Generic.List[string]]::new()
            $closed = $false
            $i++
            while ($i -lt $Lines.Count) {
                if ($Lines[$i] -match $closingPattern) { $closed = $true; $i++; break }
                $body.Add($Lines[$i])
                $i++
            }
            New-MarkdownBlock -Kind Code -Line $start -Lines $body.ToArray() -Closed $closed
            continue
        }

        if ($line -match $headingPattern) {
            New-MarkdownBlock -Kind Heading -Line ($i + 1) -Level $Matches[1].Length -Text $Matches[2]
            $i++
            continue
        }

        if ($line -match $tablePattern) {
            $start = $i + 1
            $rows = [System.Collections.Generic.List[string]]::new()
            while ($i -lt $Lines.Count -and $Lines[$i] -match $tablePattern) { $rows.Add($Lines[$i].Trim()); $i++ }
            New-MarkdownBlock -Kind Table -Line $start -Lines $rows.ToArray()
            continue
        }

        # List items and paragraphs both run until a blank line or another block starts;
        # a list item additionally ends where the next item begins.
        $start = $i + 1
        $marker = ''
        $kind = 'Paragraph'
        $first = $line.Trim()
        if ($line -match $listPattern) { $kind = 'ListItem'; $marker = $Matches[1]; $first = $Matches[2].Trim() }
        $words = [System.Collections.Generic.List[string]]::new()
        $words.Add($first)
        $i++
        while ($i -lt $Lines.Count) {
            $next = $Lines[$i]
            if ($next -match '^\s*$' -or $next -match $fencePattern -or $next -match $headingPattern -or
                $next -match $tablePattern -or $next -match $listPattern) { break }
            $words.Add($next.Trim())
            $i++
        }
        New-MarkdownBlock -Kind $kind -Line $start -Marker $marker -Text ($words -join ' ')
    }
}

function Read-MarkdownFile {
    param([string] $Path)
    # Line endings are normalised here so CRLF files from Windows editors behave the same.
    $text = [System.IO.File]::ReadAllText($Path)
    $lines = $text -split '\r?\n'
    @(ConvertFrom-MarkdownLine -Lines $lines)
}

function Split-MarkdownBlock {
    # Groups blocks under the headings of one level. The first group has Heading = $null and
    # holds whatever came before the first such heading.
    param([object[]] $Blocks, [int] $Level)
    $groups = [System.Collections.Generic.List[object]]::new()
    $current = [pscustomobject]@{ Heading = $null; Blocks = [System.Collections.Generic.List[object]]::new() }
    $groups.Add($current)
    foreach ($block in $Blocks) {
        if ($block.Kind -eq 'Heading' -and $block.Level -eq $Level) {
            $current = [pscustomobject]@{ Heading = $block; Blocks = [System.Collections.Generic.List[object]]::new() }
            $groups.Add($current)
        }
        else {
            $current.Blocks.Add($block)
        }
    }
    $groups
}

function ConvertFrom-MarkdownInline {
    # Get-Help prints plain text: keep `code` (it still reads as code), drop bold markers,
    # and turn links into 'text (url)' so the target is not lost.
    param([string] $Text)
    $Text = [regex]::Replace($Text, '\*\*(.+?)\*\*', '$1')
    [regex]::Replace($Text, '\[([^\]]+)\]\(([^)\s]*)\)', {
            param($m)
            $label = $m.Groups[1].Value
            $target = $m.Groups[2].Value
            if ($target -eq '' -or $target -eq $label) { return $label }
            '{0} ({1})' -f $label, $target
        })
}

function Get-ParagraphText {
    # Turns prose blocks into the paragraph strings of a MAML description: one per paragraph;
    # a whole list, a code block or a table as one paragraph with its line breaks, because
    # Get-Help puts a blank line between paragraphs but prints a line break as it is.
    param([object[]] $Blocks)
    $list = [System.Collections.Generic.List[string]]::new()
    foreach ($block in $Blocks) {
        if ($block.Kind -eq 'ListItem') {
            $list.Add((ConvertFrom-MarkdownInline ('{0} {1}' -f $block.Marker, $block.Text)))
            continue
        }
        if ($list.Count -gt 0) { $list.ToArray() -join "`n"; $list.Clear() }
        switch ($block.Kind) {
            'Paragraph' { ConvertFrom-MarkdownInline $block.Text }
            'Code' { ($block.Lines -join "`n") }
            'Table' { ($block.Lines -join "`n") }
        }
    }
    if ($list.Count -gt 0) { $list.ToArray() -join "`n" }
}

function Test-ProseBlock {
    # Headings inside prose are either a typo or structure the format cannot carry, and an
    # unterminated fence silently swallows the rest of the file: both are reported.
    param([string] $File, [object[]] $Blocks, [string] $Where)
    foreach ($block in $Blocks) {
        if ($block.Kind -eq 'Heading') {
            Add-Problem $File $block.Line ("unexpected heading '{0} {1}' in {2}" -f ('#' * $block.Level), $block.Text, $Where)
        }
        if ($block.Kind -eq 'Code' -and -not $block.Closed) {
            Add-Problem $File $block.Line ("code block in {0} is never closed with a matching fence" -f $Where)
        }
    }
}

function Test-HasText {
    param([object[]] $Blocks)
    foreach ($block in $Blocks) { if ($block.Kind -ne 'Heading') { return $true } }
    $false
}

#endregion

#region Cmdlet markdown model

function Read-CommandDoc {
    # Reads one <Verb-Noun>.md into prose fields, reporting every structural problem. It
    # always returns a document (possibly incomplete) so the parameter cross-check still runs
    # and the author sees every problem in one pass.
    param([string] $Path, [string] $CommandName)

    # Problems name the full path, so a CI log line leads straight to the file.
    $file = $Path
    $blocks = Read-MarkdownFile -Path $Path
    $doc = [pscustomobject]@{
        File         = $file
        Synopsis     = @()
        Description  = @()
        Examples     = @()
        Parameters   = @()
        Inputs       = $null
        Outputs      = $null
        Notes        = @()
        RelatedLinks = @()
    }

    $sections = @(Split-MarkdownBlock -Blocks $blocks -Level 2)
    $lead = @($sections[0].Blocks)
    $title = $null
    $leadRest = $lead
    if ($lead.Count -gt 0 -and $lead[0].Kind -eq 'Heading' -and $lead[0].Level -eq 1) {
        $title = $lead[0]
        $leadRest = @($lead | Select-Object -Skip 1)
    }
    if ($null -eq $title) {
        Add-Problem $file 1 ("must start with the title '# {0}'" -f $CommandName)
    }
    elseif ($title.Text -cne $CommandName) {
        Add-Problem $file $title.Line ("title '# {0}' does not match the cmdlet name '{1}'" -f $title.Text, $CommandName)
    }
    foreach ($block in $leadRest) {
        Add-Problem $file $block.Line 'content before the first ''## '' section is not used; move it into a section'
    }

    $seen = @{}
    foreach ($section in ($sections | Select-Object -Skip 1)) {
        $name = ($section.Heading.Text -replace '\s+', ' ').Trim().ToUpperInvariant()
        $line = $section.Heading.Line
        if ($script:KnownSections -notcontains $name) {
            Add-Problem $file $line ("unknown section '## {0}' (expected one of: {1})" -f $section.Heading.Text, ($script:KnownSections -join ', '))
            continue
        }
        if ($seen.ContainsKey($name)) {
            Add-Problem $file $line ("section '## {0}' appears more than once" -f $name)
            continue
        }
        $seen[$name] = $true
        $content = @($section.Blocks)

        if ($script:SectionsWithItems -contains $name) {
            $items = @(Split-MarkdownBlock -Blocks $content -Level 3)
            foreach ($block in $items[0].Blocks) {
                Add-Problem $file $block.Line ("text in '## {0}' must be under a '### ' heading" -f $name)
            }
            $items = @($items | Select-Object -Skip 1)
            if ($items.Count -eq 0 -and ($name -eq 'INPUTS' -or $name -eq 'OUTPUTS')) {
                Add-Problem $file $line ("'## {0}' has no '### <type name>' item; remove the section to derive it from code" -f $name)
            }
            switch ($name) {
                'EXAMPLES' { $doc.Examples = @(Read-ExampleItem -File $file -Items $items) }
                'PARAMETERS' { $doc.Parameters = @(Read-ParameterItem -File $file -Items $items) }
                'INPUTS' { $doc.Inputs = @(Read-TypeItem -File $file -Items $items -Section $name) }
                'OUTPUTS' { $doc.Outputs = @(Read-TypeItem -File $file -Items $items -Section $name) }
            }
            continue
        }

        Test-ProseBlock -File $file -Blocks $content -Where ("'## {0}'" -f $name)
        switch ($name) {
            'SYNOPSIS' {
                $prose = @($content | Where-Object { $_.Kind -ne 'Heading' })
                if ($prose.Count -gt 1 -or ($prose.Count -eq 1 -and $prose[0].Kind -ne 'Paragraph')) {
                    Add-Problem $file $line 'SYNOPSIS must be exactly one paragraph'
                }
                $doc.Synopsis = @(Get-ParagraphText -Blocks $prose)
            }
            'DESCRIPTION' { $doc.Description = @(Get-ParagraphText -Blocks $content) }
            'NOTES' { $doc.Notes = @(Get-ParagraphText -Blocks $content) }
            'RELATED LINKS' { $doc.RelatedLinks = @(Read-RelatedLink -Blocks $content) }
        }
        if ($name -ne 'RELATED LINKS' -and -not (Test-HasText -Blocks $content)) {
            Add-Problem $file $line ("section '## {0}' is empty" -f $name)
        }
    }

    foreach ($required in $script:RequiredSections) {
        if (-not $seen.ContainsKey($required)) {
            Add-Problem $file 0 ("missing required section '## {0}'" -f $required)
        }
    }
    if ($seen.ContainsKey('EXAMPLES') -and $doc.Examples.Count -eq 0) {
        Add-Problem $file 0 "'## EXAMPLES' has no '### Example 1: Title' example"
    }
    $doc
}

function Read-ExampleItem {
    # An example is: optional introduction, the code (all fenced blocks, joined), remarks.
    param([string] $File, [object[]] $Items)
    foreach ($item in $Items) {
        $where = "example '### {0}'" -f $item.Heading.Text
        Test-ProseBlock -File $File -Blocks $item.Blocks -Where $where
        $intro = [System.Collections.Generic.List[object]]::new()
        $code = [System.Collections.Generic.List[string]]::new()
        $remarks = [System.Collections.Generic.List[object]]::new()
        foreach ($block in $item.Blocks) {
            if ($block.Kind -eq 'Code') { $code.Add(($block.Lines -join "`n")) }
            elseif ($code.Count -eq 0) { $intro.Add($block) }
            else { $remarks.Add($block) }
        }
        if ($code.Count -eq 0) {
            Add-Problem $File $item.Heading.Line ('{0} has no fenced code block (```powershell ... ```)' -f $where)
        }
        elseif ($remarks.Count -eq 0) {
            Write-Warning ("{0}:{1}: {2} has no remarks after its code" -f $File, $item.Heading.Line, $where)
        }
        [pscustomobject]@{
            Title        = $item.Heading.Text
            Introduction = @(Get-ParagraphText -Blocks $intro.ToArray())
            Code         = ($code.ToArray() -join "`n`n")
            Remarks      = @(Get-ParagraphText -Blocks $remarks.ToArray())
        }
    }
}

function Read-ParameterItem {
    param([string] $File, [object[]] $Items)
    foreach ($item in $Items) {
        if ($item.Heading.Text -notmatch '^-([A-Za-z_][\w]*)$') {
            Add-Problem $File $item.Heading.Line ("parameter heading '### {0}' must be '### -ParameterName'" -f $item.Heading.Text)
            continue
        }
        $name = $Matches[1]
        $where = "parameter '### -{0}'" -f $name
        Test-ProseBlock -File $File -Blocks $item.Blocks -Where $where
        if (-not (Test-HasText -Blocks $item.Blocks)) {
            Add-Problem $File $item.Heading.Line ("{0} has no description" -f $where)
        }
        [pscustomobject]@{
            Name        = $name
            Line        = $item.Heading.Line
            Description = @(Get-ParagraphText -Blocks $item.Blocks)
        }
    }
}

function Read-TypeItem {
    param([string] $File, [object[]] $Items, [string] $Section)
    foreach ($item in $Items) {
        Test-ProseBlock -File $File -Blocks $item.Blocks -Where ("'## {0}' item '### {1}'" -f $Section, $item.Heading.Text)
        [pscustomobject]@{
            TypeName    = $item.Heading.Text
            Description = @(Get-ParagraphText -Blocks $item.Blocks)
        }
    }
}

function Read-RelatedLink {
    # One link per paragraph line or list item: '[text](target)' or plain text.
    param([object[]] $Blocks)
    foreach ($block in $Blocks) {
        if ($block.Kind -ne 'Paragraph' -and $block.Kind -ne 'ListItem') { continue }
        foreach ($entry in ([regex]::Matches($block.Text, '\[([^\]]+)\]\(([^)\s]*)\)|[^\[]+'))) {
            $text = $entry.Value.Trim()
            if ($text -eq '') { continue }
            $uri = ''
            if ($entry.Groups[1].Success) {
                $text = $entry.Groups[1].Value.Trim()
                # Only web addresses are real URIs; Get-Help -Online would try to open anything else.
                if ($entry.Groups[2].Value -match '^https?://') { $uri = $entry.Groups[2].Value }
            }
            [pscustomobject]@{ Text = $text; Uri = $uri }
        }
    }
}

#endregion

#region Command metadata

function Get-TypeDisplayName {
    # Type names as a reader expects them: String[], Nullable[Int32], Dictionary[String,Object],
    # instead of CLR names like Nullable`1 or Outer+Inner.
    param([type] $Type, [switch] $Full)
    if ($Type.IsArray) {
        $commas = ',' * ($Type.GetArrayRank() - 1)
        return ('{0}[{1}]' -f (Get-TypeDisplayName -Type $Type.GetElementType() -Full:$Full), $commas)
    }
    if ($Type.IsGenericType) {
        $definition = $Type.GetGenericTypeDefinition()
        $base = $definition.Name
        if ($Full) { $base = $definition.FullName }
        $base = ($base -replace '`\d+$', '') -replace '\+', '.'
        $arguments = @($Type.GetGenericArguments() | ForEach-Object { Get-TypeDisplayName -Type $_ -Full:$Full })
        return ('{0}[{1}]' -f $base, ($arguments -join ','))
    }
    if ($Full -and $Type.FullName) { return ($Type.FullName -replace '\+', '.') }
    $Type.Name
}

function Get-ValidValue {
    # The values Get-Help shows as {A | B | C}: an explicit ValidateSet wins over enum names.
    param([System.Management.Automation.CommandParameterInfo] $Parameter)
    foreach ($attribute in $Parameter.Attributes) {
        if ($attribute -is [System.Management.Automation.ValidateSetAttribute]) { return @($attribute.ValidValues) }
    }
    $type = $Parameter.ParameterType
    if ($type.IsArray) { $type = $type.GetElementType() }
    $underlying = [Nullable]::GetUnderlyingType($type)
    if ($null -ne $underlying) { $type = $underlying }
    if ($type.IsEnum) { return @([Enum]::GetNames($type)) }
    @()
}

function Get-PipelineInputText {
    param([System.Management.Automation.CommandParameterInfo] $Parameter)
    $kinds = @()
    if ($Parameter.ValueFromPipeline) { $kinds += 'ByValue' }
    if ($Parameter.ValueFromPipelineByPropertyName) { $kinds += 'ByPropertyName' }
    if ($kinds.Count -eq 0) { return 'False' }
    'True ({0})' -f ($kinds -join ', ')
}

function Test-DocumentedParameter {
    # Common parameters are documented once, in about_CommonParameters, not per cmdlet.
    param([string] $Name)
    $script:CommonParameterNames -notcontains $Name
}

function New-ParameterUse {
    # How one parameter behaves in one parameter set.
    param([System.Management.Automation.CommandParameterInfo] $Parameter)
    $position = 'named'
    if ($Parameter.Position -ge 0) { $position = [string]$Parameter.Position }
    [pscustomobject]@{
        Name          = $Parameter.Name
        Required      = $Parameter.IsMandatory
        Position      = $position
        PositionOrder = $Parameter.Position
        PipelineInput = Get-PipelineInputText -Parameter $Parameter
        IsSwitch      = ($Parameter.ParameterType -eq [System.Management.Automation.SwitchParameter])
    }
}

function Get-CommandModel {
    # Everything the MAML needs from code, read once: parameter sets in display order and one
    # record per parameter (its metadata taken from the first set that has it).
    param([System.Management.Automation.CmdletInfo] $Command)

    # Default set first, as Get-Command -Syntax shows it.
    $allSets = @($Command.ParameterSets)
    $orderedSets = @($allSets | Where-Object { $_.IsDefault }) + @($allSets | Where-Object { -not $_.IsDefault })

    $parameters = [System.Collections.Specialized.OrderedDictionary]::new([StringComparer]::OrdinalIgnoreCase)
    $sets = foreach ($set in $orderedSets) {
        $uses = @(foreach ($parameter in $set.Parameters) {
            if (-not (Test-DocumentedParameter -Name $parameter.Name)) { continue }
            # DontShow parameters are plumbing (a piped object's type), hidden from syntax as from help.
            if (@($parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and $_.DontShow }).Count -gt 0) { continue }
            $use = New-ParameterUse -Parameter $parameter
            if (-not $parameters.Contains($parameter.Name)) {
                $globbing = $false
                foreach ($attribute in $parameter.Attributes) {
                    if ($attribute.GetType().Name -eq 'SupportsWildcardsAttribute') { $globbing = $true }
                }
                $aliases = 'none'
                if ($parameter.Aliases.Count -gt 0) { $aliases = ($parameter.Aliases -join ', ') }
                $parameters.Add($parameter.Name, [pscustomobject]@{
                        Name         = $parameter.Name
                        TypeName     = Get-TypeDisplayName -Type $parameter.ParameterType
                        FullTypeName = Get-TypeDisplayName -Type $parameter.ParameterType -Full
                        IsArray      = $parameter.ParameterType.IsArray
                        Aliases      = $aliases
                        Globbing     = $globbing
                        ValidValues  = @(Get-ValidValue -Parameter $parameter)
                        FirstUse     = $use
                    })
            }
            $use
            })
        [pscustomobject]@{ Name = $set.Name; Uses = @(Get-SortedParameterUse -Uses $uses) }
    }

    [pscustomobject]@{
        Command    = $Command
        Sets       = @($sets)
        Parameters = $parameters
    }
}

function Get-SortedParameterUse {
    # The order PowerShell uses in syntax lines: positional by position, then mandatory named,
    # then optional named, then switches, with -WhatIf/-Confirm last; otherwise code order.
    param([object[]] $Uses)
    $rank = {
        param($use)
        if ($script:ShouldProcessParameterText.ContainsKey($use.Name)) { return 4 }
        if ($use.Position -ne 'named') { return 0 }
        if ($use.Required) { return 1 }
        if ($use.IsSwitch) { return 3 }
        2
    }
    $index = 0
    $keyed = foreach ($use in $Uses) {
        [pscustomobject]@{ Rank = (& $rank $use); Position = $use.PositionOrder; Index = $index; Use = $use }
        $index++
    }
    $keyed | Sort-Object Rank, Position, Index | ForEach-Object { $_.Use }
}

#endregion

#region Validation

function Test-CommandDoc {
    # Prose and code must describe the same parameters: each one documented, none invented.
    param($Model, $Doc)
    $documented = [System.Collections.Generic.HashSet[string]]::new([StringComparer]::OrdinalIgnoreCase)
    foreach ($entry in $Doc.Parameters) {
        if (-not $documented.Add($entry.Name)) {
            Add-Problem $Doc.File $entry.Line ("parameter '### -{0}' is documented more than once" -f $entry.Name)
        }
        elseif (-not $Model.Parameters.Contains($entry.Name)) {
            $reason = 'the cmdlet has no such parameter'
            if ($script:CommonParameterNames -contains $entry.Name) { $reason = 'it is a common parameter, documented in about_CommonParameters' }
            Add-Problem $Doc.File $entry.Line ("parameter '### -{0}' is documented but {1}" -f $entry.Name, $reason)
        }
    }
    foreach ($name in $Model.Parameters.Keys) {
        if ($script:ShouldProcessParameterText.ContainsKey($name)) { continue }
        if (-not $documented.Contains($name)) {
            Add-Problem $Doc.File 0 ("parameter -{0} of {1} has no '### -{0}' section under '## PARAMETERS'" -f $name, $Model.Command.Name)
        }
    }
}

#endregion

#region MAML writing

function Write-Para {
    # MAML paragraphs; an empty list still writes one empty para, as Get-Help expects a node.
    param([System.Xml.XmlWriter] $Writer, [string[]] $Text)
    if ($null -eq $Text -or $Text.Count -eq 0) { $Text = @('') }
    foreach ($paragraph in $Text) { $Writer.WriteElementString('maml', 'para', $script:Ns.Maml, $paragraph) }
}

function Write-Description {
    param([System.Xml.XmlWriter] $Writer, [string[]] $Text)
    $Writer.WriteStartElement('maml', 'description', $script:Ns.Maml)
    Write-Para -Writer $Writer -Text $Text
    $Writer.WriteEndElement()
}

function Write-DevType {
    param([System.Xml.XmlWriter] $Writer, [string] $TypeName)
    $Writer.WriteStartElement('dev', 'type', $script:Ns.Dev)
    $Writer.WriteElementString('maml', 'name', $script:Ns.Maml, $TypeName)
    $Writer.WriteElementString('maml', 'uri', $script:Ns.Maml, '')
    $Writer.WriteEndElement()
}

function Get-ParameterDescription {
    param($Doc, [string] $Name)
    foreach ($entry in $Doc.Parameters) {
        if ($entry.Name -eq $Name) { return $entry.Description }
    }
    if ($script:ShouldProcessParameterText.ContainsKey($Name)) { return @($script:ShouldProcessParameterText[$Name]) }
    @()
}

function Write-ParameterElement {
    # One <command:parameter>, used both in syntax items (per-set values) and in the parameter
    # list (values of the first set that has the parameter).
    param([System.Xml.XmlWriter] $Writer, $Parameter, $Use, [string[]] $Description, [switch] $InSyntax)
    $Writer.WriteStartElement('command', 'parameter', $script:Ns.Command)
    $Writer.WriteAttributeString('required', $Use.Required.ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('variableLength', $Parameter.IsArray.ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('globbing', $Parameter.Globbing.ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('pipelineInput', $Use.PipelineInput)
    $Writer.WriteAttributeString('position', $Use.Position)
    $Writer.WriteAttributeString('aliases', $Parameter.Aliases)
    $Writer.WriteElementString('maml', 'name', $script:Ns.Maml, $Parameter.Name)
    Write-Description -Writer $Writer -Text $Description
    if ($Parameter.ValidValues.Count -gt 0) {
        $Writer.WriteStartElement('command', 'parameterValueGroup', $script:Ns.Command)
        foreach ($value in $Parameter.ValidValues) {
            $Writer.WriteStartElement('command', 'parameterValue', $script:Ns.Command)
            $Writer.WriteAttributeString('required', 'false')
            $Writer.WriteAttributeString('variableLength', 'false')
            $Writer.WriteString($value)
            $Writer.WriteEndElement()
        }
        $Writer.WriteEndElement()
    }
    # A switch takes no value: in a syntax line Get-Help would print any parameterValue, so
    # there it has none ([-Force]); the parameter list shows it as -Force [<SwitchParameter>].
    if (-not ($Use.IsSwitch -and $InSyntax)) {
        $Writer.WriteStartElement('command', 'parameterValue', $script:Ns.Command)
        $Writer.WriteAttributeString('required', (-not $Use.IsSwitch).ToString().ToLowerInvariant())
        $Writer.WriteAttributeString('variableLength', $Parameter.IsArray.ToString().ToLowerInvariant())
        $Writer.WriteString($Parameter.TypeName)
        $Writer.WriteEndElement()
    }
    Write-DevType -Writer $Writer -TypeName $Parameter.FullTypeName
    $Writer.WriteElementString('dev', 'defaultValue', $script:Ns.Dev, 'None')
    $Writer.WriteEndElement()
}

function Write-SyntaxSection {
    param([System.Xml.XmlWriter] $Writer, $Model, $Doc)
    $Writer.WriteStartElement('command', 'syntax', $script:Ns.Command)
    foreach ($set in $Model.Sets) {
        $Writer.WriteStartElement('command', 'syntaxItem', $script:Ns.Command)
        $Writer.WriteElementString('maml', 'name', $script:Ns.Maml, $Model.Command.Name)
        foreach ($use in $set.Uses) {
            Write-ParameterElement -Writer $Writer -Parameter $Model.Parameters[$use.Name] -Use $use -InSyntax `
                -Description (Get-ParameterDescription -Doc $Doc -Name $use.Name)
        }
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()
}

function Write-ParametersSection {
    # Markdown order first (the author's chosen reading order), then parameters that need no
    # markdown (-WhatIf/-Confirm) in code order.
    param([System.Xml.XmlWriter] $Writer, $Model, $Doc)
    $names = [System.Collections.Generic.List[string]]::new()
    foreach ($entry in $Doc.Parameters) {
        if ($Model.Parameters.Contains($entry.Name) -and -not $names.Contains($Model.Parameters[$entry.Name].Name)) {
            $names.Add($Model.Parameters[$entry.Name].Name)
        }
    }
    foreach ($name in $Model.Parameters.Keys) { if (-not $names.Contains($name)) { $names.Add($name) } }

    $Writer.WriteStartElement('command', 'parameters', $script:Ns.Command)
    foreach ($name in $names) {
        $parameter = $Model.Parameters[$name]
        Write-ParameterElement -Writer $Writer -Parameter $parameter -Use $parameter.FirstUse `
            -Description (Get-ParameterDescription -Doc $Doc -Name $name)
    }
    $Writer.WriteEndElement()
}

function Get-DerivedTypeItem {
    # Used when the markdown has no INPUTS / OUTPUTS: the facts code already knows.
    param($Model, [ValidateSet('Inputs', 'Outputs')] [string] $Kind)
    $names = [System.Collections.Generic.List[string]]::new()
    if ($Kind -eq 'Inputs') {
        foreach ($parameter in $Model.Parameters.Values) {
            if ($parameter.FirstUse.PipelineInput -ne 'False' -and -not $names.Contains($parameter.FullTypeName)) { $names.Add($parameter.FullTypeName) }
        }
        if ($names.Count -eq 0) { $names.Add('None') }
    }
    else {
        foreach ($output in $Model.Command.OutputType) {
            if (-not $names.Contains($output.Name)) { $names.Add($output.Name) }
        }
    }
    foreach ($name in $names) { [pscustomobject]@{ TypeName = $name; Description = @() } }
}

function Write-TypeSection {
    param([System.Xml.XmlWriter] $Writer, [string] $ListName, [string] $ItemName, [object[]] $Items)
    $Writer.WriteStartElement('command', $ListName, $script:Ns.Command)
    foreach ($item in $Items) {
        $Writer.WriteStartElement('command', $ItemName, $script:Ns.Command)
        Write-DevType -Writer $Writer -TypeName $item.TypeName
        Write-Description -Writer $Writer -Text $item.Description
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()
}

function Write-ExamplesSection {
    param([System.Xml.XmlWriter] $Writer, [object[]] $Examples)
    $Writer.WriteStartElement('command', 'examples', $script:Ns.Command)
    foreach ($example in $Examples) {
        $Writer.WriteStartElement('command', 'example', $script:Ns.Command)
        # Get-Help prints the title as it is and has no EXAMPLES heading in -Full output, so
        # the title is centred in dashes, the conventional separator between examples.
        # 72 columns: Get-Help indents by four and an 80-column console must not wrap it.
        $side = '-' * [Math]::Max(3, [int][Math]::Floor((70 - $example.Title.Length) / 2))
        $Writer.WriteElementString('maml', 'title', $script:Ns.Maml, ('{0} {1} {0}' -f $side, $example.Title))
        if ($example.Introduction.Count -gt 0) {
            # Get-Help prints the code right after the introduction, without a line break.
            $introduction = @($example.Introduction)
            $introduction[$introduction.Count - 1] += "`n`n"
            $Writer.WriteStartElement('maml', 'introduction', $script:Ns.Maml)
            Write-Para -Writer $Writer -Text $introduction
            $Writer.WriteEndElement()
        }
        $Writer.WriteElementString('dev', 'code', $script:Ns.Dev, $example.Code)
        # The trailing empty paragraph leaves a blank line before the next example's title.
        $Writer.WriteStartElement('dev', 'remarks', $script:Ns.Dev)
        Write-Para -Writer $Writer -Text (@($example.Remarks) + '')
        $Writer.WriteEndElement()
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()
}

function Write-RelatedLinksSection {
    param([System.Xml.XmlWriter] $Writer, [object[]] $Links)
    $Writer.WriteStartElement('command', 'relatedLinks', $script:Ns.Command)
    foreach ($link in $Links) {
        $Writer.WriteStartElement('maml', 'navigationLink', $script:Ns.Maml)
        $Writer.WriteElementString('maml', 'linkText', $script:Ns.Maml, $link.Text)
        $Writer.WriteElementString('maml', 'uri', $script:Ns.Maml, $link.Uri)
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()
}

function Write-CommandHelp {
    param([System.Xml.XmlWriter] $Writer, $Model, $Doc)
    $command = $Model.Command
    $Writer.WriteStartElement('command', 'command', $script:Ns.Command)
    $Writer.WriteAttributeString('xmlns', 'maml', $null, $script:Ns.Maml)
    $Writer.WriteAttributeString('xmlns', 'command', $null, $script:Ns.Command)
    $Writer.WriteAttributeString('xmlns', 'dev', $null, $script:Ns.Dev)

    $Writer.WriteStartElement('command', 'details', $script:Ns.Command)
    $Writer.WriteElementString('command', 'name', $script:Ns.Command, $command.Name)
    $Writer.WriteElementString('command', 'verb', $script:Ns.Command, $command.Verb)
    $Writer.WriteElementString('command', 'noun', $script:Ns.Command, $command.Noun)
    Write-Description -Writer $Writer -Text $Doc.Synopsis
    $Writer.WriteEndElement()

    Write-Description -Writer $Writer -Text $Doc.Description
    Write-SyntaxSection -Writer $Writer -Model $Model -Doc $Doc
    Write-ParametersSection -Writer $Writer -Model $Model -Doc $Doc

    $inputs = $Doc.Inputs
    if ($null -eq $inputs) { $inputs = @(Get-DerivedTypeItem -Model $Model -Kind Inputs) }
    Write-TypeSection -Writer $Writer -ListName 'inputTypes' -ItemName 'inputType' -Items $inputs
    $outputs = $Doc.Outputs
    if ($null -eq $outputs) { $outputs = @(Get-DerivedTypeItem -Model $Model -Kind Outputs) }
    Write-TypeSection -Writer $Writer -ListName 'returnValues' -ItemName 'returnValue' -Items $outputs

    if ($Doc.Notes.Count -gt 0) {
        $Writer.WriteStartElement('maml', 'alertSet', $script:Ns.Maml)
        $Writer.WriteStartElement('maml', 'alert', $script:Ns.Maml)
        Write-Para -Writer $Writer -Text $Doc.Notes
        $Writer.WriteEndElement()
        $Writer.WriteEndElement()
    }
    Write-ExamplesSection -Writer $Writer -Examples $Doc.Examples
    Write-RelatedLinksSection -Writer $Writer -Links $Doc.RelatedLinks
    $Writer.WriteEndElement()
}

function Save-MamlFile {
    # XmlWriter does all escaping; LF line ends and no BOM keep the output byte-identical
    # whichever OS builds it.
    param([string] $Path, [object[]] $Entries)
    $directory = Split-Path -Parent $Path
    if ($directory -and -not (Test-Path -LiteralPath $directory)) { New-Item -ItemType Directory -Path $directory -Force | Out-Null }

    $settings = [System.Xml.XmlWriterSettings]::new()
    $settings.Indent = $true
    $settings.IndentChars = '  '
    $settings.NewLineChars = "`n"
    $settings.Encoding = [System.Text.UTF8Encoding]::new($false)
    $writer = [System.Xml.XmlWriter]::Create($Path, $settings)
    try {
        $writer.WriteStartDocument()
        $writer.WriteStartElement('helpItems', $script:Ns.Msh)
        $writer.WriteAttributeString('schema', 'maml')
        foreach ($entry in $Entries) { Write-CommandHelp -Writer $writer -Model $entry.Model -Doc $entry.Doc }
        $writer.WriteEndElement()
        $writer.WriteEndDocument()
    }
    finally {
        $writer.Dispose()
    }
}

#endregion

#region About topics

function Format-WrappedText {
    # About topics are read in an 80-column console: wrap words, never break a word.
    param([string] $Text, [int] $Indent, [int] $HangingIndent = -1, [int] $Width = 80)
    if ($HangingIndent -lt 0) { $HangingIndent = $Indent }
    $line = ''
    $prefix = ' ' * $Indent
    foreach ($word in ($Text -split '\s+' | Where-Object { $_ -ne '' })) {
        if ($line -ne '' -and ($prefix.Length + $line.Length + 1 + $word.Length) -gt $Width) {
            $prefix + $line
            $prefix = ' ' * $HangingIndent
            $line = $word
        }
        elseif ($line -eq '') { $line = $word }
        else { $line = $line + ' ' + $word }
    }
    if ($line -ne '') { $prefix + $line }
}

function ConvertTo-AboutText {
    # The conventional about_*.help.txt layout: TOPIC header, UPPERCASE section titles at
    # column 0, body indented four spaces, code indented eight and left untouched.
    param([object[]] $Blocks, [string] $TopicName)
    $out = [System.Collections.Generic.List[string]]::new()
    $previousKind = ''
    foreach ($block in $Blocks) {
        $separate = ($out.Count -gt 0 -and $out[$out.Count - 1] -ne '')
        # Consecutive list items form one list, and a title sits right on top of its text.
        if ($separate -and $previousKind -ne 'Heading' -and -not ($block.Kind -eq 'ListItem' -and $previousKind -eq 'ListItem')) { $out.Add('') }
        if ($block.Kind -eq 'Heading' -and $out.Count -gt 0 -and $out[$out.Count - 1] -ne '') { $out.Add('') }
        switch ($block.Kind) {
            'Heading' {
                if ($block.Level -eq 1) { $out.Add('TOPIC'); $out.Add('    ' + $TopicName) }
                elseif ($block.Level -eq 2) { $out.Add($block.Text.ToUpperInvariant()) }
                elseif ($block.Level -eq 3) { $out.Add('    ' + $block.Text); $out.Add('    ' + ('-' * $block.Text.Length)) }
                else { $out.Add('    ' + $block.Text + ':') }
            }
            'Paragraph' { foreach ($l in (Format-WrappedText -Text (ConvertFrom-MarkdownInline $block.Text) -Indent 4)) { $out.Add($l) } }
            'ListItem' {
                $marker = $block.Marker + ' '
                foreach ($l in (Format-WrappedText -Text ($marker + (ConvertFrom-MarkdownInline $block.Text)) -Indent 4 -HangingIndent (4 + $marker.Length))) { $out.Add($l) }
            }
            'Code' { foreach ($l in $block.Lines) { $out.Add(('        ' + $l).TrimEnd()) } }
            'Table' { foreach ($l in $block.Lines) { $out.Add('    ' + $l) } }
        }
        $previousKind = $block.Kind
    }
    ($out.ToArray() -join "`n") + "`n"
}

function Read-AboutTopic {
    # Returns the topic text, or $null after reporting why the file cannot be used.
    param([string] $Path)
    $file = $Path
    $topicName = [System.IO.Path]::GetFileNameWithoutExtension($Path)
    $blocks = @(Read-MarkdownFile -Path $Path)
    if ($blocks.Count -eq 0 -or $blocks[0].Kind -ne 'Heading' -or $blocks[0].Level -ne 1) {
        Add-Problem $file 1 ("must start with the title '# {0}'" -f $topicName)
        return $null
    }
    if ($blocks[0].Text -cne $topicName) {
        Add-Problem $file $blocks[0].Line ("title '# {0}' does not match the file name '{1}'" -f $blocks[0].Text, $topicName)
    }
    foreach ($block in $blocks) {
        if ($block.Kind -eq 'Code' -and -not $block.Closed) { Add-Problem $file $block.Line 'code block is never closed with a matching fence' }
    }
    $hasShort = @($blocks | Where-Object { $_.Kind -eq 'Heading' -and $_.Level -eq 2 -and $_.Text.Trim() -eq 'SHORT DESCRIPTION' }).Count -gt 0
    if (-not $hasShort) { Write-Warning ("{0}: no '## SHORT DESCRIPTION' section; Get-Help about_* will show no synopsis for it" -f $file) }
    [pscustomobject]@{ Name = $topicName; Text = (ConvertTo-AboutText -Blocks $blocks -TopicName $topicName) }
}

#endregion

#region Main

function Get-ModuleCmdlet {
    # Imports the built module so help is generated from the exact metadata users will get.
    param([string] $Path)
    $module = Import-Module -Name $Path -Force -PassThru -ErrorAction Stop | Select-Object -First 1
    @(Get-Command -Module $module.Name -CommandType Cmdlet | Sort-Object Name)
}

function Find-MarkdownFile {
    # Case-insensitive lookup, so Windows and Linux agree on which file documents a cmdlet.
    param([string] $Folder)
    $files = @{}
    foreach ($file in (Get-ChildItem -LiteralPath $Folder -Filter '*.md' -File)) { $files[$file.BaseName.ToLowerInvariant()] = $file }
    $files
}

function Invoke-Main {
    $modulePathFull = Resolve-FullPath $ModulePath
    $markdownFolderFull = Resolve-FullPath $MarkdownFolder
    $outputFileFull = Resolve-FullPath $OutputFile

    if (-not (Test-Path -LiteralPath $markdownFolderFull -PathType Container)) { throw "Markdown folder not found: $markdownFolderFull" }
    $cmdlets = @(Get-ModuleCmdlet -Path $modulePathFull)
    if ($cmdlets.Count -eq 0) { throw "Module '$modulePathFull' exports no cmdlets." }

    $markdownFiles = Find-MarkdownFile -Folder $markdownFolderFull
    $entries = [System.Collections.Generic.List[object]]::new()
    $documentedKeys = @{}
    foreach ($cmdlet in $cmdlets) {
        $key = $cmdlet.Name.ToLowerInvariant()
        $documentedKeys[$key] = $true
        if (-not $markdownFiles.ContainsKey($key)) {
            Add-Problem (Join-Path $markdownFolderFull ($cmdlet.Name + '.md')) 0 ("file missing: cmdlet {0} has no markdown help" -f $cmdlet.Name)
            continue
        }
        $doc = Read-CommandDoc -Path $markdownFiles[$key].FullName -CommandName $cmdlet.Name
        $model = Get-CommandModel -Command $cmdlet
        Test-CommandDoc -Model $model -Doc $doc
        $entries.Add([pscustomobject]@{ Model = $model; Doc = $doc })
    }

    # Help for a cmdlet that no longer exists is stale documentation, not harmless extra.
    foreach ($key in $markdownFiles.Keys) {
        $file = $markdownFiles[$key]
        if (-not $documentedKeys.ContainsKey($key) -and $file.BaseName -match '^[A-Za-z]+-[A-Za-z0-9]+$') {
            Add-Problem $file.FullName 0 ("the module has no cmdlet named {0}; remove or rename the file" -f $file.BaseName)
        }
    }

    $abouts = @()
    if ($AboutFolder) {
        $aboutFolderFull = Resolve-FullPath $AboutFolder
        if (-not (Test-Path -LiteralPath $aboutFolderFull -PathType Container)) { throw "About folder not found: $aboutFolderFull" }
        $abouts = @(Get-ChildItem -LiteralPath $aboutFolderFull -Filter 'about_*.md' -File | Sort-Object Name |
                ForEach-Object { Read-AboutTopic -Path $_.FullName } | Where-Object { $null -ne $_ })
    }

    if ($script:Problems.Count -gt 0) {
        foreach ($problem in $script:Problems) { $Host.UI.WriteErrorLine('ERROR: ' + $problem) }
        $Host.UI.WriteErrorLine(('New-MamlHelp: {0} problem(s) found; nothing was written.' -f $script:Problems.Count))
        return 1
    }

    # PowerShell finds a binary cmdlet's help only under the file name in its HelpFile property.
    $outputLeaf = Split-Path -Leaf $outputFileFull
    foreach ($helpFile in @($cmdlets | ForEach-Object { $_.HelpFile } | Sort-Object -Unique)) {
        if ($helpFile -and $helpFile -ne $outputLeaf) {
            Write-Warning ("Get-Help looks for '{0}' but the output file is named '{1}'." -f $helpFile, $outputLeaf)
        }
    }

    Save-MamlFile -Path $outputFileFull -Entries $entries.ToArray()
    Write-Verbose ("Wrote {0} ({1} cmdlets)" -f $outputFileFull, $entries.Count)

    if ($abouts.Count -gt 0) {
        $aboutTarget = Split-Path -Parent $outputFileFull
        if ($AboutOutputFolder) { $aboutTarget = Resolve-FullPath $AboutOutputFolder }
        if (-not (Test-Path -LiteralPath $aboutTarget)) { New-Item -ItemType Directory -Path $aboutTarget -Force | Out-Null }
        $encoding = [System.Text.UTF8Encoding]::new($false)
        foreach ($about in $abouts) {
            $target = Join-Path $aboutTarget ($about.Name + '.help.txt')
            [System.IO.File]::WriteAllText($target, $about.Text, $encoding)
            Write-Verbose "Wrote $target"
        }
    }
    0
}

exit (Invoke-Main)

#endregion
