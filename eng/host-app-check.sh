#!/usr/bin/env bash
# Proves that a host application works from the PACKED Planner.Model alone: packs it into a temp
# folder, builds a throwaway console app outside the repository (eng/host-app/) that references only
# that package and EF Core's SQLite provider, and runs it. Exits non-zero if anything fails.
# Not part of `dotnet test`; needs the .NET SDK and the machine's usual NuGet sources.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
project="$repo/src/Planner.Model/Planner.Model.csproj"
work="$(mktemp -d "${TMPDIR:-/tmp}/planner-host-check.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# A version of its own for every run, so no cached package of an earlier build can stand in for this one.
version="$(dotnet msbuild "$project" -getProperty:Version)-hostcheck.$(date -u +%Y%m%d%H%M%S)"
machine_packages="$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')"

echo "== pack Planner.Model $version"
dotnet build "$project" -c Release -nologo -v quiet
dotnet pack "$project" -c Release --no-build -nologo -v quiet -o "$work/feed" \
  -p:Version="$version" -p:NuspecOutputPath="$work/nuspec/"
package="$work/feed/Planner.Model.$version.nupkg"
# The listing is read whole first: `unzip | grep -q` would fail under pipefail whenever grep stops
# reading early and unzip dies of SIGPIPE, which made this check fail at random.
listing="$(unzip -Z1 "$package")"
for entry in README.md LICENSE lib/net10.0/Planner.Model.dll lib/net10.0/Planner.Model.xml; do
  if ! grep -qx -- "$entry" <<<"$listing"; then
    echo "FAIL the package lacks $entry" >&2
    exit 1
  fi
done
echo "ok   the package holds README.md, LICENSE and the XML docs"

echo "== host app"
mkdir -p "$work/app"
cp "$repo/eng/host-app/Program.cs" "$work/app/Program.cs"
sed "s/@PLANNER_MODEL_VERSION@/$version/" "$repo/eng/host-app/HostApp.csproj.template" > "$work/app/HostApp.csproj"
# The temp feed beside the machine's own sources (no <clear/>); packages restore into a temp folder,
# reusing what the machine already has, so the run neither reads nor leaves a Planner.Model in its cache.
cat > "$work/app/nuget.config" <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="local" value="$work/feed" />
  </packageSources>
  <fallbackPackageFolders>
    <add key="machine" value="$machine_packages" />
  </fallbackPackageFolders>
</configuration>
CONFIG
export NUGET_PACKAGES="$work/packages"

dotnet build "$work/app/HostApp.csproj" -c Release -nologo -v quiet
if ! grep -q "\"Planner.Model/$version\"" "$work/app/obj/project.assets.json"; then
  echo "FAIL the host app did not restore the package just packed" >&2
  exit 1
fi

dotnet run --project "$work/app/HostApp.csproj" -c Release --no-build
