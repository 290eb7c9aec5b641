#!/usr/bin/env bash
# Measures test strength with Stryker.NET (the pinned local tool in .config/dotnet-tools.json) and prints one line per
# project: mutants, killed, survived, no coverage, and the score with and without the mutants that only change a string
# literal. A measurement like the benchmarks, not part of ./test.sh: a full run takes about 15 minutes per project here.
#
#   scripts/mutation.sh                      # Slate.Runbook, Slate.Maas and Slate.Juju
#   scripts/mutation.sh Slate.Maas           # one project
#   scripts/mutation.sh Slate.Maas -- --mutate '**/Http/*.cs'   # extra Stryker options while iterating
#
# Reports (JSON + HTML) go to artifacts/mutation/<project>/ (not in git). MUTATION_CONCURRENCY sets Stryker's
# parallel test runners (default 2).
# scripts/stryker-config.json leaves ConfigureAwait's argument unmutated: false → true is an equivalent mutant in a
# console program (no synchronization context), and there is one on nearly every await.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

projects=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do projects+=("$1"); shift; done
[ "${1:-}" = "--" ] && shift
extra=("$@")
[ ${#projects[@]} -eq 0 ] && projects=(Slate.Runbook Slate.Maas Slate.Juju)

for project in "${projects[@]}"; do
  if [ ! -f "src/$project/$project.csproj" ] || [ ! -d "tests/$project.Tests" ]; then
    echo "mutation.sh: no src/$project/$project.csproj with tests/$project.Tests" >&2; exit 2
  fi
done

dotnet tool restore >/dev/null

summarise() { # $1 project, $2 JSON report
  jq -r --arg project "$1" '
    def score(ms): (ms | map(select(.status == "Killed" or .status == "Timeout")) | length) as $k
      | (ms | map(select(.status == "Survived" or .status == "NoCoverage")) | length) as $s
      | if $k + $s == 0 then "n/a" else "\((1000 * $k / ($k + $s) | round) / 10) %" end;
    [.files[].mutants[]] as $all
    | ($all | map(select(.mutatorName != "String mutation"))) as $logic
    | "\($project): mutants \($all | map(select(.status != "CompileError" and .status != "Ignored")) | length)"
      + ", killed \($all | map(select(.status == "Killed" or .status == "Timeout")) | length)"
      + ", survived \($all | map(select(.status == "Survived")) | length)"
      + ", no coverage \($all | map(select(.status == "NoCoverage")) | length)"
      + ", score \(score($all)), without string literals \(score($logic))"' "$2"
}

lines=()
for project in "${projects[@]}"; do
  output="$PWD/artifacts/mutation/$project"
  rm -rf "$output"
  (cd "tests/$project.Tests" && dotnet stryker --project "$project.csproj" --configuration Release \
      --config-file ../../scripts/stryker-config.json --concurrency "${MUTATION_CONCURRENCY:-2}" --reporter json --reporter html --reporter progress \
      --output "$output" --skip-version-check "${extra[@]}")
  report="$output/reports/mutation-report.json"
  [ -f "$report" ] || { echo "mutation.sh: Stryker wrote no report for $project" >&2; exit 1; }
  lines+=("$(summarise "$project" "$report")")
done
printf '%s\n' "${lines[@]}"
