# Checks of a packed README, sourced by tests/PackageConsumer/run.sh.
# A package's README is read on a package page or in an IDE, away from the repository: a link or path into the
# repository leads nowhere there, and an example that does not compile against the package misleads.

# Prints the lines of the README $1 that point into the repository (with their numbers); prints nothing when none do.
readme_repository_paths() {
  local patterns=(
    '\]\((?!https?://|mailto:|#)'                          # a relative Markdown link or image
    '^\s*\[[^\]]+\]:\s*(?!https?://|mailto:|#)'            # a relative reference-style link
    '\b(href|src)\s*=\s*(?!["'"'"']?(https?://|mailto:|#))'   # a relative HTML link or image
    '(?<![\w./-])(samples|tests|src|docs|\.ci)/'          # a repository folder, outside any URL
    '(?<![\w.])\.\./'                                     # a parent folder
    'dotnet run --project'                                # runs a project of the repository
  )
  local status=0
  grep -nP "$(IFS='|'; echo "${patterns[*]}")" "$1" || status=$?
  [ "$status" -le 1 ] || fail "grep could not check $1"
}

# Fails unless readme_repository_paths flags each of these lines, so a broken pattern cannot pass every README.
readme_repository_paths_self_test() {
  local scratch=$1 line
  local bad_lines=(
    '[the guide](docs/guide.md)'
    '![logo](logo.png)'
    '[contributing]: CONTRIBUTING.md'
    '<img src="icon.png">'
    'Run `dotnet run --project samples/Quickstart`.'
    'See samples/MultiBackend for more.'
    'CI runs `bash tests/PackageConsumer/run.sh`.'
    'The entry point is `.ci/run`.'
    'The emulators live in src/UserGroupClient.Testing.'
    'Details: [up](../README.md) and ../docs.'
  )
  for line in "${bad_lines[@]}"; do
    printf '%s\n' "$line" > "$scratch"
    [ -n "$(readme_repository_paths "$scratch")" ] || fail "the README path check accepts a repository-only path: $line"
  done
  printf '%s\n' 'Docs: https://example.com/docs/samples/, [home](https://example.com/src/x), <img src="https://example.com/a.png">, `dotnet add package X`.' > "$scratch"
  [ -z "$(readme_repository_paths "$scratch")" ] || fail "the README path check flags absolute links: $(readme_repository_paths "$scratch")"
}

# Writes each ```csharp block of the README $1 to a file of its own in folder $2, named after $3 and the block's
# number. A block that declares types is kept as it is; a block of statements (a program's top-level statements) gets
# its using directives hoisted and the rest wrapped in a method, so several programs compile side by side.
extract_readme_examples() {
  local readme=$1 folder=$2 name=$3
  mkdir -p "$folder"
  awk -v folder="$folder" -v name="$name" '
    function flush(   file, i, declares, awaits, usings, body) {
      file = sprintf("%s/%s.Example%d.cs", folder, name, ++count)
      for (i = 1; i <= n; i++) {
        if (lines[i] ~ /^((public|internal|file|sealed|static|abstract|partial) )*(class|record|struct|interface|enum) / || lines[i] ~ /^namespace /) declares = 1
        if (lines[i] ~ /(^|[^A-Za-z0-9_])await /) awaits = 1
      }
      if (declares) {
        for (i = 1; i <= n; i++) print lines[i] > file
      } else {
        for (i = 1; i <= n; i++) {
          if (lines[i] ~ /^using [A-Za-z0-9_.]+;$/) usings = usings lines[i] "\n"
          else body = body "        " lines[i] "\n"
        }
        printf "%s\ninternal static class %s_Example%d\n{\n    public static %s Run()\n    {\n%s    }\n}\n", \
          usings, name, count, awaits ? "async Task" : "void", body > file
      }
      close(file)
      n = 0
    }
    /^```csharp[ \t]*$/ { inside = 1; next }
    inside && /^```[ \t]*$/ { inside = 0; flush(); next }
    inside { lines[++n] = $0 }
    END { print count + 0 }
  ' "$readme"
}
