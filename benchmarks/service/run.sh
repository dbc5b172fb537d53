#!/usr/bin/env bash
# Runs the service benchmark: /v1/match over loopback at 1, 8 and 64 connections, and the same work through the Java
# API. Usage: ./run.sh [REQUESTS_PER_LEVEL] [MAX_SECONDS_PER_LEVEL]   (defaults 20000 and 30)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
java="${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
corpus="${CORPUS:-$root/../shared/data/20newsgroups-bydate/test.jsonl}"
[[ -f "$corpus" || -n "${CORPUS:-}" ]] || corpus="/work/shared/data/20newsgroups-bydate/test.jsonl"
if [[ ! -f "$corpus" ]]; then
  echo "run.sh: no corpus at $corpus (set CORPUS to a 20 Newsgroups test.jsonl)" >&2
  exit 2
fi
(cd "$root" && mvn -q install -DskipTests)
(cd "$here" && mvn -q compile)
echo "uptime: $(uptime)"
echo "cpus: $(nproc)"
"$java" -Xmx1g ${JAVA_OPTS:-} -cp "$here/target/classes:$(cat "$here/target/classpath.txt")" \
  dev.quarry.benchmarks.service.ServiceBenchmark "$root/patterns" "$corpus" "${1:-20000}" "${2:-30}"
echo "uptime: $(uptime)"
