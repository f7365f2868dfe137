#!/usr/bin/env bash
# What a first ./he300 command costs on a fresh clone: clones this checkout's HEAD into a temporary folder, with an
# empty launcher cache (HOME in the temporary folder), and times, as whole processes:
#   --help (fresh clone), the first `sample --seed 42` (build + compile + archive), the second one (warm), and a
#   first `benchmark --simulate --quick`, which has to compile its own script (the build is done by then).
# Maven's local repository is yours (~/.m2, usually filled); FRESH_M2=1 uses an empty one, so the figure includes
# downloading the build's plugins and dependencies from Maven Central.
#
#   HE300_DATASET=../shared/data/ethics bench/fresh-clone.sh [rounds=1]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${1:-1}"
: "${HE300_DATASET:?set HE300_DATASET to the ethics dataset directory}"
export HE300_DATASET
real_m2="${MAVEN_USER_HOME:-$HOME/.m2}"

seconds() { local start=$EPOCHREALTIME; "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }
            echo "$EPOCHREALTIME - $start" | bc; }

echo "fresh clone of $(git -C "$ROOT" rev-parse --short HEAD); $(uptime | sed 's/.*load/load/')"
for round in $(seq "$rounds"); do
  tmp="$(mktemp -d)"
  git clone -q "$ROOT" "$tmp/he300"
  (
    cd "$tmp/he300"
    export HOME="$tmp/home" MAVEN_USER_HOME="$real_m2"   # the wrapper's Maven itself is not re-downloaded
    unset XDG_CACHE_HOME
    [[ ${FRESH_M2:-} == 1 ]] && export MAVEN_OPTS="-Dmaven.repo.local=$tmp/m2"
    help=$(seconds ./he300 --help)
    first=$(seconds ./he300 sample --seed 42)
    second=$(seconds ./he300 sample --seed 42)
    bench=$(seconds ./he300 benchmark --simulate --quick --output "$tmp/runs")
    printf 'round %s: --help %.2f s, first sample %.2f s, second sample %.2f s, first benchmark --simulate --quick %.2f s\n' \
      "$round" "$help" "$first" "$second" "$bench"
  )
  rm -rf "$tmp"
done
echo "$(uptime | sed 's/.*load/load/')"
