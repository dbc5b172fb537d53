#!/usr/bin/env bash
# Runs BinaryBenchmark against a snapshot of target/ (quarry.jar and lib copied first, so a rebuild while it runs is
# safe; several runs may go side by side). Build first (mvn -q package -DskipTests).
# Usage: benchmarks/binary/bench.sh NAME SETTINGS SEED_SENTENCES ANSWERS PER_SENTENCE SELECTION [VARIANT ...]
# Output: benchmarks/binary/results/binary2-NAME.md. Data: ../shared/data beside the repository, or QUARRY_DATA.
# QUARRY_BENCH_SEED=N shuffles the documents with seed N (default 42); QUARRY_BENCH_NO_BASELINES=1 skips two rows.
# QUARRY_BENCH_RETRAIN=N retrains the suggesting model every N answers (default 0: the seed model asks all).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"; root="$(cd "$here/../.." && pwd)"; name="$1"; shift
source "$root/benchmarks/env.sh"
data="$(find_data conll2003-en)"
snap="$(mktemp -d)"; trap 'rm -rf "$snap"' EXIT; mkdir -p "$snap/classes"
cp "$root/target/quarry.jar" "$snap/"; cp -r "$root/target/lib" "$snap/lib"
j="$java_home/bin"
"$j/javac" --release 21 -Xlint:all -Werror -d "$snap/classes" -cp "$snap/quarry.jar:$snap/lib/*" \
  $(find "$here/src" -name "*.java")
{ echo "## $name $(date -u '+%Y-%m-%d %H:%M UTC'), $(uptime)"; echo "args: $*"; echo '```'
  "$j/java" -Xmx6g -cp "$snap/classes:$snap/quarry.jar:$snap/lib/*" BinaryBenchmark "$data/conll2003-en" \
    "$data/glove-6b-100d-top100k/glove.6B.100d.top100k.txt" "$root/benchmarks/work" "$@" 2>&1 \
    | grep --line-buffered -v -e '^WARNING: Using incubator' -e '^SLF4J(W)'
  echo '```'; echo "finished $(date -u '+%H:%M UTC'), $(uptime)"; } > "$here/results/binary2-$name.md" 2>&1
