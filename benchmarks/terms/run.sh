#!/usr/bin/env bash
# Runs the seed-expansion benchmark (about a minute plus the one-off HNSW build): installs Quarry into the local Maven
# repository, builds this harness against it and appends the output to results/<UTC timestamp>.md.
# Usage: benchmarks/terms/run.sh [VECTORS_FILE] [LISTS_DIR] [SEED] [DRAWS]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
source "$root/benchmarks/env.sh"
vectors="${1:-$(find_data glove-6b-100d-top100k)/glove-6b-100d-top100k/glove.6B.100d.top100k.txt}"
lists="${2:-$(find_data corpora-lists)/corpora-lists}"
[[ -f "$vectors" ]] || { echo "no vectors file at $vectors; pass one" >&2; exit 2; }
[[ -d "$lists" ]] || { echo "no category lists at $lists; pass the directory" >&2; exit 2; }
(cd "$root" && mvn -q install -DskipTests)
(cd "$here" && mvn -q package)
mkdir -p "$here/results"
out="$here/results/$(date -u +%Y%m%dT%H%M%SZ).md"
{
  echo "## $(date -u '+%Y-%m-%d %H:%M UTC'), $(uptime)"
  echo
  "$java_home/bin/java" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -Xmx3g \
      -cp "$here/target/classes:$(cat "$here/target/classpath.txt")" \
      TermsBenchmark "$vectors" "$lists" "$here/target/work" "${3:-42}" "${4:-3}" 2>&1 \
    | grep --line-buffered -v -e '^WARNING: Using incubator' -e 'PanamaVectorizationProvider' -e '^INFO: Java vector'
} | tee "$out"
