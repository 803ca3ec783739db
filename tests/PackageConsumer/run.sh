#!/usr/bin/env bash
# Proves the NuGet packages work as packages, not just as projects:
#   1. packs UserGroupClient, UserGroupClient.Testing and UserGroupClient.Http.Resilience twice from clean outputs and
#      checks the content is identical;
#   2. checks what they hold: each its own README with no path into the repository, license expression, repository
#      commit, XML docs, the target framework, dependencies and framework references matching the projects (a referenced
#      project at this very version), symbols with SourceLink;
#   3. restores them by their unique version from the local folder into the consumer beside this script, which sees
#      none of the repository's projects, runs it on net10.0, and compiles the READMEs' C# examples;
#   4. publishes the consumer trimmed, fails on any trim warning, and runs the trimmed program too;
#   5. packs the ugc command-line tool as a .NET tool, installs it with `dotnet tool install` from the local folder alone
#      and runs the installed command: its help, and its emulator answering `ugc backends`.
# Exits non-zero at the first failure. Usage: bash tests/PackageConsumer/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
source tests/PackageConsumer/readme-checks.sh

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

work=artifacts/package-consumer
packages=$work/packages # the folder tests/PackageConsumer/nuget.config names
libraries=(UserGroupClient UserGroupClient.Testing UserGroupClient.Http.Resilience)
frameworks=(net10.0)
commit=$(git rev-parse HEAD)
# A version no cache can already hold, so the consumer can only get this run's packages.
suffix="ci.$(date -u +%Y%m%d%H%M%S).$$"

say() { echo "package-check: $*"; }
fail() {
  echo "package-check: FAILED $*" >&2
  exit 1
}

# Runs a command with its output in a log, shown only when it fails.
quiet() {
  local name=$1
  shift
  "$@" > "$work/$name.log" 2>&1 || { cat "$work/$name.log" >&2; fail "$name: $*"; }
}

rm -rf "$work"
mkdir -p "$work"

pack_into() {
  local output=$1 library
  for library in "${libraries[@]}"; do
    # Clean outputs, so the second pack really compiles again.
    rm -rf "src/$library/bin/Release" "src/$library/obj/Release"
    quiet "pack-$library" dotnet pack "src/$library/$library.csproj" -c Release \
      -p:ContinuousIntegrationBuild=true -p:VersionSuffix="$suffix" -o "$output"
  done
}

start=$SECONDS
pack_into "$packages"
pack_into "$work/repack"
say "packed twice in $((SECONDS - start)) s"

nupkg=$(cd "$packages" && ls UserGroupClient.[0-9]*.nupkg)
version=${nupkg#UserGroupClient.}
version=${version%.nupkg}
[[ $version == *-"$suffix" ]] || fail "the package version '$version' does not end in '-$suffix'"
say "version $version, commit $commit"

# 1. Deterministic: both packs hold the same files with the same bytes. (The zip containers differ in their entries'
#    times, which is why the content is compared.)
for package in "$packages"/*.nupkg "$packages"/*.snupkg; do
  name=$(basename "$package")
  [ -f "$work/repack/$name" ] || fail "the second pack did not produce $name"
  for copy in first second; do mkdir -p "$work/unpacked/$copy/$name"; done
  unzip -q "$package" -d "$work/unpacked/first/$name"
  unzip -q "$work/repack/$name" -d "$work/unpacked/second/$name"
  diff -r "$work/unpacked/first/$name" "$work/unpacked/second/$name" > "$work/diff.log" \
    || { cat "$work/diff.log" >&2; fail "$name differs between two builds of the same commit"; }
done
for dll in "$work"/unpacked/first/*.nupkg/lib/*/*.dll; do
  say "deterministic: $(sha256sum "$dll" | cut -c1-16) ${dll#"$work"/unpacked/first/} (identical in both builds)"
done

# The ids listed in a nuspec's group for one target framework, sorted, one a line.
nuspec_ids() { # nuspec-file framework element attribute
  awk -v framework="$2" '
    /<group targetFramework="/ { inside = index($0, "targetFramework=\"" framework "\"") > 0 && $0 !~ /\/>/; next }
    /<\/group>/ { inside = 0; next }
    inside' "$1" \
    | grep -oE "<$3 $4=\"[^\"]+\"" | sed -E "s/.*=\"([^\"]+)\"/\1/" | sort -u || true
}

# 2. Content.
readme_repository_paths_self_test "$work/bad-readme.md"
for library in "${libraries[@]}"; do
  unpacked=$work/unpacked/first/$library.$version.nupkg
  symbols=$work/unpacked/first/$library.$version.snupkg
  nuspec=$unpacked/$library.nuspec
  project=src/$library/$library.csproj
  [ -f "$nuspec" ] || fail "$library: no nuspec"
  grep -q '<license type="expression">[^<]\+</license>' "$nuspec" || fail "$library: no license expression"
  grep -q '<readme>README.md</readme>' "$nuspec" || fail "$library: no readme in the nuspec"
  cmp -s "src/$library/README.md" "$unpacked/README.md" || fail "$library: the packed README.md is not src/$library/README.md"
  repository_paths=$(readme_repository_paths "$unpacked/README.md")
  [ -z "$repository_paths" ] || { echo "$repository_paths" >&2; fail "$library: the packed README points into the repository (above)"; }
  grep -qE "<repository type=\"git\" url=\"https://[^\"]+\" commit=\"$commit\"" "$nuspec" \
    || fail "$library: the nuspec does not name the repository and commit $commit"

  # The dependencies a consumer gets are the project's own package and project references, nothing more or less;
  # build-only references (SourceLink) are PrivateAssets="all" and stay out; PrivateAssets="none" (Refit, whose
  # source generator the package's users need too) flows whole.
  expected_dependencies=$( { grep -oE '<PackageReference Include="[^"]+"[^>]*/>' "$project" | grep -v 'PrivateAssets="all"' || true; } \
    | sed -E 's/.*Include="([^"]+)".*/\1/'
    { grep -oE '<ProjectReference Include="[^"]+"' "$project" || true; } | sed -E 's#.*/([^/"]+)\.csproj"#\1#')
  expected_dependencies=$(echo "$expected_dependencies" | sed '/^$/d' | sort -u)
  expected_frameworks=$( { grep -oE '<FrameworkReference Include="[^"]+"' "$project" || true; } \
    | sed -E 's/.*Include="([^"]+)"/\1/' | sort -u)

  for framework in "${frameworks[@]}"; do
    for file in "lib/$framework/$library.dll" "lib/$framework/$library.xml"; do
      [ -f "$unpacked/$file" ] || fail "$library: $file is missing from the package"
    done
    grep -q "<group targetFramework=\"$framework\"" "$nuspec" || fail "$library: no dependency group for $framework"
    dependencies=$(nuspec_ids "$nuspec" "$framework" dependency id)
    [ "$dependencies" = "$expected_dependencies" ] \
      || fail "$library $framework: the package depends on [$(echo $dependencies)], the project references [$(echo $expected_dependencies)]"
    # A companion package is built with the SDK it extends: it asks for that very version at least.
    for referenced in $( { grep -oE '<ProjectReference Include="[^"]+"' "$project" || true; } | sed -E 's#.*/([^/"]+)\.csproj"#\1#'); do
      grep -qE "<dependency id=\"$referenced\" version=\"$version\"" "$nuspec" \
        || fail "$library $framework: the package does not depend on $referenced $version"
    done
    framework_references=$(nuspec_ids "$nuspec" "$framework" frameworkReference name)
    [ "$framework_references" = "$expected_frameworks" ] \
      || fail "$library $framework: the package lists framework references [$(echo $framework_references)], the project [$(echo $expected_frameworks)]"

    pdb=$symbols/lib/$framework/$library.pdb
    [ -f "$pdb" ] || fail "$library: the symbols package has no lib/$framework/$library.pdb"
    # Portable PDBs keep the SourceLink map as plain JSON; the deterministic build maps the sources to /_/.
    source_link=$(grep -aoE '\{"documents":\{"/_/\*":"https://[^"]+/\*"\}\}' "$pdb" || true)
    [[ $source_link == *"/$commit/"* ]] || fail "$library $framework: the PDB has no SourceLink map to commit $commit"
  done
  say "$library: its own README without repository paths, license, repository commit, lib + xml + pdb for ${frameworks[*]}," \
    "dependencies [$(echo $expected_dependencies)], framework references [$(echo $expected_frameworks)]"
  say "$library: SourceLink $source_link"
done

# 3. A consumer restores the packages from the local folder by this run's version and runs them.
global_packages=$(dotnet nuget locals global-packages --list | sed -E 's/^global-packages: //')
cleanup() {
  local library
  # The unique versions would only pile up in the machine's package cache.
  for library in "${libraries[@]}" UserGroupClient.Cli; do
    rm -rf "${global_packages%/}/${library,,}/${version,,}"
  done
}
trap cleanup EXIT

consumer=tests/PackageConsumer
build=$work/consumer
quiet consumer-build dotnet build "$consumer" -c Release --artifacts-path "$build" -p:UserGroupClientVersion="$version"
assets=$build/obj/PackageConsumer/project.assets.json
! grep -q '"type": "project"' "$assets" || fail "the consumer resolved a project reference"
for library in "${libraries[@]}"; do
  grep -q "\"$library/$version\": {" "$assets" || fail "the consumer did not resolve $library $version"
  restored=${global_packages%/}/${library,,}/${version,,}
  grep -q "\"source\": \"$(cd "$packages" && pwd)\"" "$restored/.nupkg.metadata" \
    || fail "$library $version was not restored from $packages: $(cat "$restored/.nupkg.metadata")"
  cmp -s "$packages/$library.$version.nupkg" "$restored/${library,,}.${version,,}.nupkg" \
    || fail "the restored $library package is not the one just packed"
done
say "the consumer restored the packages ${libraries[*]} $version from $packages"

# One target framework, so the artifacts layout has no framework in its pivot.
timeout 120 dotnet "$build/bin/PackageConsumer/release/PackageConsumer.dll" "$version" \
  || fail "the consumer failed on ${frameworks[*]}"

# The READMEs' examples compile against the packages.
examples=$(pwd)/$work/readme-examples
for library in "${libraries[@]}"; do
  blocks=$(extract_readme_examples "$work/unpacked/first/$library.$version.nupkg/README.md" "$examples" "${library//./_}")
  [ "$blocks" -gt 0 ] || fail "$library: the packed README has no csharp example"
  say "$library: $blocks C# examples in its README"
done
quiet readme-examples-build dotnet build "$consumer/ReadmeExamples" -c Release --artifacts-path "$work/readme-examples-build" \
  -p:UserGroupClientVersion="$version" -p:ReadmeExamplesDirectory="$examples"
say "the READMEs' examples compile against the packages for ${frameworks[*]}"

# 4. Trimmed: the libraries say they are trimmable and AOT-compatible; the trimmer must agree.
quiet consumer-publish dotnet publish "$consumer" -c Release -f net10.0 --use-current-runtime --artifacts-path "$build" \
  -p:PublishTrimmed=true -p:PublishAot=false -p:TrimmerSingleWarn=false -p:UserGroupClientVersion="$version" \
  -o "$work/trimmed"
if grep -E '(warning|error) IL[0-9]+' "$work/consumer-publish.log"; then
  fail "the trimmed publish printed trim warnings (above)"
fi
say "trimmed publish with the packages rooted whole (TrimMode full, one line per warning): 0 trim warnings"
timeout 120 "$work/trimmed/PackageConsumer" "$version" || fail "the trimmed consumer failed"

# 5. The ugc tool as its users get it: installed from the package, offline (a configuration with no source but the
#    local folder), and run from the install folder, not the repository.
tool_start=$SECONDS
tool_packages=$work/tool-packages
tool_path=$work/tool
quiet ugc-pack dotnet pack src/UserGroupClient.Cli/UserGroupClient.Cli.csproj -c Release \
  -p:ContinuousIntegrationBuild=true -p:VersionSuffix="$suffix" -o "$tool_packages"
printf '%s\n' '<?xml version="1.0" encoding="utf-8"?>' '<configuration><packageSources><clear /></packageSources></configuration>' \
  > "$work/tool-nuget.config"
quiet ugc-install dotnet tool install UserGroupClient.Cli --version "$version" --tool-path "$tool_path" \
  --configfile "$work/tool-nuget.config" --add-source "$tool_packages"
ugc=$tool_path/ugc
installed=$("$ugc" --version)
[[ $installed == "$version" || $installed == "$version+"* ]] || fail "the installed ugc says it is '$installed', not $version"
quiet ugc-help "$ugc" --help
for command in backends groups members export plan apply sync emulator; do
  grep -qE "^  $command( |\$)" "$work/ugc-help.log" || { cat "$work/ugc-help.log" >&2; fail "the installed ugc --help lists no $command command"; }
done
quiet ugc-emulator-help "$ugc" emulator --help
grep -q 'ugc emulator <DIALECT>' "$work/ugc-emulator-help.log" || { cat "$work/ugc-emulator-help.log" >&2; fail "the installed ugc emulator --help shows no usage"; }
say "ugc: packed as a .NET tool, installed offline from $tool_packages by dotnet tool install; version $installed; --help and emulator --help run"

# The installed emulator serves the installed tool: the ugc.json it prints, then `ugc backends` against it, then a
# SIGTERM (a background job ignores Ctrl+C's SIGINT), which stops it as Ctrl+C does.
"$ugc" emulator JumpServer < /dev/null > "$work/ugc-emulator.log" 2>&1 &
emulator=$!
for _ in $(seq 1 150); do
  grep -q '^}' "$work/ugc-emulator.log" && break
  kill -0 "$emulator" 2> /dev/null || break
  sleep 0.2
done
sed -n '/^{$/,/^}$/p' "$work/ugc-emulator.log" > "$work/ugc.json"
backends_status=0
"$ugc" backends --config "$work/ugc.json" --json > "$work/ugc-backends.log" 2>&1 < /dev/null || backends_status=$?
kill -TERM "$emulator" 2> /dev/null || true
emulator_status=0
wait "$emulator" || emulator_status=$?
[ -s "$work/ugc.json" ] || { cat "$work/ugc-emulator.log" >&2; fail "the installed ugc emulator printed no ugc.json"; }
[ "$backends_status" -eq 0 ] && grep -q '"answers": true' "$work/ugc-backends.log" \
  || { cat "$work/ugc-backends.log" >&2; fail "the installed ugc backends found no answer from the installed emulator (exit $backends_status)"; }
[ "$emulator_status" -eq 0 ] && grep -q '^ugc: emulator stopped' "$work/ugc-emulator.log" \
  || { cat "$work/ugc-emulator.log" >&2; fail "the installed ugc emulator did not stop cleanly on SIGTERM (exit $emulator_status)"; }
say "ugc: the installed emulator answered the installed ugc backends and stopped on SIGTERM ($((SECONDS - tool_start)) s for step 5)"

say "all checks passed in $((SECONDS - start)) s"
