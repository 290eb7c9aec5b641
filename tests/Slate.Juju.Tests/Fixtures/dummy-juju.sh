#!/usr/bin/env bash
# A fake juju for tests. Each test links it into its own directory and controls it with files there:
# it records its arguments (NUL-separated) in argv, then prints stdout, prints stderr to stderr and exits
# with the code in exit-code; if the file hang exists it prints stderr, writes its pid to pid and sleeps instead of answering.
# Its environment is recorded (NUL-separated NAME=value) in env; runs counts its runs.
dir="$(dirname "$0")"
printf '%s\0' "$@" > "$dir/argv"
env -0 > "$dir/env"
runs=$(( $(cat "$dir/runs" 2>/dev/null || echo 0) + 1 )); echo "$runs" > "$dir/runs"
# fail-first N: the first N runs answer as a controller that is briefly unreachable.
if [[ -f "$dir/fail-first" ]] && (( runs <= $(cat "$dir/fail-first") )); then
  echo 'ERROR connection is shut down' >&2; exit 1
fi
if [[ -f "$dir/hang" ]]; then
  if [[ -f "$dir/stderr" ]]; then cat "$dir/stderr" >&2; fi
  echo $$ > "$dir/pid"; exec sleep 60
fi
if [[ -f "$dir/stdout" ]]; then cat "$dir/stdout"; fi
if [[ -f "$dir/stderr" ]]; then cat "$dir/stderr" >&2; fi
exit "$(cat "$dir/exit-code" 2>/dev/null || echo 0)"
