#!/usr/bin/env bash
# Runs the vectors benchmark unattended (about 5 minutes on an idle 2-core machine): builds Quarry, compiles the
# harness, runs it with the Vector API module (everything) and without it (exact search only), and appends the output
# to results/<UTC timestamp>.md. Usage: benchmarks/vectors/run.sh [VECTORS_FILE] [M:beam:threads ...]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
source "$root/benchmarks/env.sh"
vectors="${1:-$(find_data glove-6b-100d-top100k)/glove-6b-100d-top100k/glove.6B.100d.top100k.txt}"
[[ -n "$vectors" && -f "$vectors" ]] || { echo "no vectors file (looked in ../shared/data); pass one" >&2; exit 2; }
shift || true
(cd "$root" && mvn -q package -DskipTests)
mkdir -p "$here/target/classes" "$here/results"
cp="$root/target/quarry.jar:$root/target/lib/*"
"$java_home/bin/javac" --release 21 -d "$here/target/classes" -cp "$cp" "$here/src/VectorsBenchmark.java"
work="$here/target/work"
out="$here/results/$(date -u +%Y%m%dT%H%M%SZ).md"
run() { "$java_home/bin/java" -Xmx4g --enable-native-access=ALL-UNNAMED -cp "$here/target/classes:$cp" "$@" 2>&1 \
          | grep --line-buffered -v -e '^WARNING: Using incubator' -e 'PanamaVectorizationProvider' -e '^INFO: Java vector' ; }
{
  echo "## $(date -u '+%Y-%m-%d %H:%M UTC'), $(uptime)"
  echo '```'
  run --add-modules jdk.incubator.vector VectorsBenchmark "$vectors" "$work" all "$@"
  run VectorsBenchmark "$vectors" "$work" exact
  echo '```'
} | tee "$out"
