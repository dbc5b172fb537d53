#!/usr/bin/env bash
# Runs the binary-answer and bootstrap benchmarks on CoNLL-2003 and appends the output to results/<UTC time>.md.
# Usage: benchmarks/binary/run.sh [binary|bootstrap|all] [extra arguments for the chosen benchmark]
#   binary:    SETTINGS(a|b) SEED_SENTENCES ANSWERS PER_SENTENCE SELECTION [VARIANT ...]  default: a 500 3000 1 uncertain
#   bootstrap: SETTINGS(a|b) MIN_PRECISION                                                  default: a 0.5
# Needs ../shared/data (CoNLL-2003; GloVe for settings b) beside the repository, or QUARRY_DATA=/path/to/data.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
source "$root/benchmarks/env.sh"
data="$(find_data conll2003-en)"
which="${1:-all}"; shift || true
if [[ -z "${QUARRY_BENCH_SKIP_BUILD:-}" ]]; then (cd "$root" && mvn -q package -DskipTests); fi
mkdir -p "$here/target/classes" "$here/results"
cp="$root/target/quarry.jar:$root/target/lib/*"
"$java_home/bin/javac" --release 21 -Xlint:all -Werror -d "$here/target/classes" -cp "$cp" $(find "$here/src" -name "*.java")
glove="$data/glove-6b-100d-top100k/glove.6B.100d.top100k.txt"
work="$root/benchmarks/work"
out="$here/results/$(date -u +%Y%m%dT%H%M%SZ).md"
run() { "$java_home/bin/java" -Xmx6g -cp "$here/target/classes:$cp" "$@" 2>&1 | grep --line-buffered -v -e '^WARNING: Using incubator' -e '^SLF4J(W)'; }
{
  echo "## $(date -u '+%Y-%m-%d %H:%M UTC'), $(uptime)"
  echo '```'
  if [[ "$which" == binary || "$which" == all ]]; then
    if [[ "$which" == all || $# -eq 0 ]]; then set -- a 500 3000 1 uncertain "" completer=own,prior=0; fi
    run BinaryBenchmark "$data/conll2003-en" "$glove" "$work" "$@"
  fi
  if [[ "$which" == bootstrap || "$which" == all ]]; then
    if [[ "$which" == all || $# -eq 0 ]]; then set -- a 0.5; fi
    run BootstrapBenchmark "$data/conll2003-en" "$glove" "$work" "$@"
  fi
  echo '```'
  echo "finished $(date -u '+%H:%M UTC'), $(uptime)"
} | tee "$out"
