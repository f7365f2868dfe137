#!/usr/bin/env bash
# Gates a CI job on HE-300 accuracy and reads what the run wrote: copy it into your pipeline.
#
#   examples/ci-gate/gate.sh MIN_ACCURACY [benchmark options...]
#   examples/ci-gate/gate.sh 0.7 --simulate --quick                 # the simulator: runs anywhere
#   examples/ci-gate/gate.sh 70% --url http://gpu-host:11434 --model llama3.2 --sample-size 50
#
# The benchmark command is ./he300 benchmark in a clone, else jbang benchmark@rng-ops/he300 (HE300_BENCHMARK names
# another). It writes the run directory under ${HE300_RESULTS:-he300-results}, with the JUnit report (one testcase
# per scenario, for the CI's test view), the Markdown summary (appended to $GITHUB_STEP_SUMMARY on GitHub) and
# result-summary.json (read here with jq). Exit codes are the benchmark's: 0 at or above MIN_ACCURACY, 1 below it
# or when the run failed, 2 bad usage.
set -euo pipefail

if (( $# < 1 )); then
  echo "usage: gate.sh MIN_ACCURACY [benchmark options...]" >&2
  exit 2
fi
min_accuracy="$1"; shift
command -v jq >/dev/null || { echo "gate.sh: needs jq" >&2; exit 2; }

if [[ -n ${HE300_BENCHMARK:-} ]]; then
  read -r -a benchmark <<<"$HE300_BENCHMARK"
elif [[ -x ./he300 ]]; then
  benchmark=(./he300 benchmark)
else
  benchmark=(jbang benchmark@rng-ops/he300)
fi
results="${HE300_RESULTS:-he300-results}"
mkdir -p "$results"
before="$(mktemp)"
trap 'rm -f "$before"' EXIT
find "$results" -mindepth 1 -maxdepth 1 -type d | sort >"$before"

status=0
"${benchmark[@]}" --min-accuracy "$min_accuracy" --output "$results" --report junit,md,json "$@" || status=$?

run_dir="$(find "$results" -mindepth 1 -maxdepth 1 -type d | sort | comm -13 "$before" - | tail -1)"
if [[ -z $run_dir || ! -f $run_dir/result-summary.json ]]; then
  echo "gate.sh: the benchmark wrote no run directory (exit $status)" >&2
  exit $(( status == 0 ? 1 : status ))
fi

summary="$run_dir/result-summary.json"
accuracy="$(jq -r '.accuracy' "$summary")"
total="$(jq -r '.total' "$summary")"
correct="$(jq -r '.correct' "$summary")"
# JUnit: the root's counts, as a CI's test view shows them (a wrong answer is a failure, unknown or failed an error).
root="$(grep -o '<testsuites [^>]*>' "$run_dir/result-junit.xml" | head -1)"
attribute() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$root"; }
tests="$(attribute tests)" failures="$(attribute failures)" errors="$(attribute errors)"
echo "he300 gate: accuracy $accuracy ($correct of $total), minimum $min_accuracy;" \
  "JUnit: ${tests:-?} tests, ${failures:-?} failures, ${errors:-?} errors; run: $run_dir"
if [[ -n ${GITHUB_OUTPUT:-} ]]; then
  { echo "accuracy=$accuracy"; echo "run-dir=$run_dir"; } >>"$GITHUB_OUTPUT"
fi
exit "$status"
