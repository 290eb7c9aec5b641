#!/usr/bin/env bash
# Runs every Slate test suite and ends with one line: "tests: N passed, M failed".
# As root it first installs and starts what the tests need: a real libvirtd (scripts/start-libvirtd.sh).
# The corpus suite reads ../shared (the public fixture corpus); it runs when ../shared exists and is named as not run otherwise.
set -uo pipefail
cd "$(dirname "$0")"
results=artifacts/test-results
rm -rf "$results"; mkdir -p "$results"

if [ "$(id -u)" = 0 ]; then
  bash scripts/start-libvirtd.sh || { echo "test.sh: libvirtd could not be started"; echo "tests: 0 passed, 1 failed"; exit 1; }
  # the Native AOT publish test needs the native toolchain
  if ! ls /usr/bin/clang* >/dev/null 2>&1 || [ ! -e /usr/include/zlib.h ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends clang zlib1g-dev >/dev/null \
      || { echo "test.sh: could not install clang zlib1g-dev"; echo "tests: 0 passed, 1 failed"; exit 1; }
  fi
else
  echo "test.sh: not root; the libvirt suite needs a running libvirtd (run scripts/start-libvirtd.sh as root)"
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if ! dotnet build Slate.slnx -c Release -nologo -clp:ErrorsOnly; then
  echo "test.sh: build failed"; echo "tests: 0 passed, 1 failed"; exit 1
fi

suites=(Slate.Runbook.Tests Slate.Maas.Tests Slate.Juju.Tests Slate.Libvirt.Tests Slate.Lab.Tests Slate.Cli.Tests)
if [ -d ../shared ]; then
  suites+=(Slate.Corpus.Tests)
else
  echo "corpus suite: NOT RUN (no ../shared beside this repository)"
fi

passed=0; failed=0; status=0
for suite in "${suites[@]}"; do
  dotnet test "tests/$suite" -c Release --no-build -nologo --logger "trx;LogFileName=$suite.trx" --results-directory "$results" || status=1
  trx="$results/$suite.trx"
  if [ ! -f "$trx" ]; then echo "test.sh: $suite produced no results"; failed=$((failed + 1)); status=1; continue; fi
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters")
  if [ "${t:-0}" = 0 ]; then echo "test.sh: $suite ran no test"; failed=$((failed + 1)); status=1; fi
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
echo "tests: $passed passed, $failed failed"
[ "$status" = 0 ] && [ "$failed" = 0 ]
