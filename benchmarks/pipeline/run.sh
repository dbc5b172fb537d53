#!/usr/bin/env bash
# Prediction throughput of match-then-predict (Pipeline) against plain OpenNLP on CoNLL-2003 testb.
# Usage: benchmarks/pipeline/run.sh [ROUNDS]   (appends to benchmarks/pipeline/results/<UTC timestamp>.md)
# Builds the main project's classes (no install), compiles the one-file harness against them, trains the NER on
# eng.train once (cached in benchmarks/work/pipeline-ner-a.bin, git-ignored). Needs ../shared/data or QUARRY_DATA.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
source "$root/benchmarks/env.sh"
data="$(find_data conll2003-en)"
(cd "$root" && mvn -q compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime)
cp="$root/target/classes:$(cat "$root/target/classpath.txt")"
mkdir -p "$here/target" "$here/results" "$root/benchmarks/work"
"$java_home/bin/javac" -d "$here/target" -cp "$cp" "$here/src/PipelineBenchmark.java"
out="$here/results/$(date -u +%Y%m%dT%H%M%SZ).md"
{
  echo "## $(date -u '+%Y-%m-%d %H:%M UTC'), $(uptime)"
  echo '```'
  "$java_home/bin/java" -Xmx4g -cp "$here/target:$cp" PipelineBenchmark "$data/conll2003-en" "$root/benchmarks/work" "${1:-3}" 2>&1 \
    | grep --line-buffered -v '^WARNING: Using incubator'
  echo '```'
  echo "finished $(date -u '+%H:%M UTC'), $(uptime)"
} | tee "$out"
