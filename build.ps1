#!/usr/bin/env pwsh
# Bootstrapper in the shape of NUKE's (see build.sh): find a .NET SDK that satisfies global.json,
# build _build only when its sources changed, run it with every argument, return its exit code.
# Set $env:IMAGEPIPELINE_INSTALL_DOTNET = '1' to install the pinned SDK into .nuke/temp/dotnet.
[CmdletBinding()]
Param([Parameter(Position = 0, Mandatory = $false, ValueFromRemainingArguments = $true)][string[]]$BuildArguments)

$ErrorActionPreference = 'Stop'
$Root = $PSScriptRoot
$OutDir = Join-Path $Root '.nuke/temp/bin'
$Stamp = Join-Path $OutDir '.stamp'
$LocalDotnet = Join-Path $Root '.nuke/temp/dotnet'
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'; $env:DOTNET_NOLOGO = '1'; $env:DOTNET_SKIP_FIRST_TIME_EXPERIENCE = '1'

$Want = (Get-Content (Join-Path $Root 'global.json') -Raw | ConvertFrom-Json).sdk.version

function Test-SdkFits([string]$Dotnet) {
    if (-not (Test-Path $Dotnet)) { return $false }
    $wantBand = $Want.Substring(0, $Want.LastIndexOf('.'))
    $wantPatch = [int]$Want.Substring($Want.LastIndexOf('.') + 1)
    foreach ($line in & $Dotnet --list-sdks 2>$null) {
        $have = ($line -split ' ')[0]
        $band = $have.Substring(0, $have.LastIndexOf('.'))
        $patch = $have.Substring($have.LastIndexOf('.') + 1)
        if ($band -eq $wantBand -and $patch -match '^\d+$' -and $patch[0] -eq "$wantPatch"[0] -and [int]$patch -ge $wantPatch) { return $true }
    }
    return $false
}

$exe = if ($IsWindows) { 'dotnet.exe' } else { 'dotnet' }
$Dotnet = @((Join-Path $LocalDotnet $exe), (Get-Command dotnet -ErrorAction SilentlyContinue).Source) |
    Where-Object { $_ -and (Test-SdkFits $_) } | Select-Object -First 1
if (-not $Dotnet) {
    if ($env:IMAGEPIPELINE_INSTALL_DOTNET -ne '1') {
        Write-Error "No .NET SDK matching global.json ($Want) was found. Install it from https://dotnet.microsoft.com/download/dotnet/10.0, or set IMAGEPIPELINE_INSTALL_DOTNET=1 to install it into .nuke/temp/dotnet."
        exit 2
    }
    New-Item -ItemType Directory -Force -Path $LocalDotnet | Out-Null
    $script = Join-Path $LocalDotnet 'dotnet-install.ps1'
    Invoke-WebRequest 'https://dot.net/v1/dotnet-install.ps1' -OutFile $script
    & $script -Version $Want -InstallDir $LocalDotnet -NoPath
    $Dotnet = Join-Path $LocalDotnet $exe
}

$inputs = @('build', 'src') | ForEach-Object { Get-ChildItem (Join-Path $Root $_) -Recurse -File } |
    Where-Object { $_.FullName -notmatch '[\\/](bin|obj)[\\/]' }
$inputs += @('global.json', 'Directory.Build.props', 'Directory.Packages.props') | ForEach-Object { Get-Item (Join-Path $Root $_) }
$stale = -not (Test-Path $Stamp) -or -not (Test-Path (Join-Path $OutDir '_build.dll')) -or
    ($inputs | Where-Object { $_.LastWriteTimeUtc -gt (Get-Item $Stamp).LastWriteTimeUtc } | Select-Object -First 1)
if ($stale) {
    $log = & $Dotnet build (Join-Path $Root 'build/_build.csproj') -c Release -o $OutDir -nologo -clp:NoSummary -v:quiet 2>&1
    if ($LASTEXITCODE -ne 0) { $log | Write-Host; Write-Error 'building build/_build.csproj failed'; exit 2 }
    New-Item -ItemType File -Force -Path $Stamp | Out-Null
}

& $Dotnet (Join-Path $OutDir '_build.dll') @BuildArguments
exit $LASTEXITCODE
