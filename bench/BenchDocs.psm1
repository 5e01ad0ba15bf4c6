# docs/benchmarks.md holds one section per benchmark, between <!-- bench:NAME --> and <!-- /bench:NAME -->, so each
# bench rewrites only its own table and leaves the others (and the hand-written analysis around them) alone.

function Set-BenchmarkSection {
    param(
        [Parameter(Mandatory)] [string] $Path,
        [Parameter(Mandatory)] [string] $Name,
        [Parameter(Mandatory)] [AllowEmptyString()] [string[]] $Lines
    )
    $begin = "<!-- bench:$Name -->"
    $end = "<!-- /bench:$Name -->"
    $block = (@($begin) + $Lines + @($end)) -join "`n"
    $text = if (Test-Path $Path) { (Get-Content -Raw $Path) -replace "`r`n", "`n" } else { "# Benchmarks`n" }
    $at = $text.IndexOf($begin, [StringComparison]::Ordinal)
    $to = $text.IndexOf($end, [StringComparison]::Ordinal)
    $text = if ($at -ge 0 -and $to -gt $at) {
        $text.Substring(0, $at) + $block + $text.Substring($to + $end.Length)
    } else {
        $text.TrimEnd("`n") + "`n`n" + $block + "`n"
    }
    [IO.File]::WriteAllText($Path, $text.TrimEnd("`n") + "`n")
}

Export-ModuleMember -Function Set-BenchmarkSection
