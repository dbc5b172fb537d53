#!/usr/bin/env bash
# The matching benchmark, end to end: installs the quarry artifact from the repo root, builds the benchmarks,
# builds the data under benchmarks/work/ if missing, runs every (peer, size) trial in its own JVM, and writes the
# report to stdout and benchmarks/results/matching-<date>.md. Progress goes to stderr.
#
#   benchmarks/run-matching.sh                                   # everything (about 15 minutes on 2 cores)
#   benchmarks/run-matching.sh --sizes 1k,100k --peers quarry,aho # a subset
#   benchmarks/run-matching.sh --help                            # all options
#
# Environment: QUARRY_BENCH_SKIP_BUILD=1 skips the two Maven builds; Java is found as bin/quarry finds it (JAVA_HOME
# if it is a JDK 21+, then the PATH, then /usr/lib/jvm; benchmarks/env.sh).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"

if [[ "${1:-}" == "--help" || "${1:-}" == "-h" ]]; then
  sed -n '2,11p' "${BASH_SOURCE[0]}"
  echo "options: --sizes 1k,100k,1M --peers all|quarry,quarry-match,trie,aho,synonym,opennlp,monitor,lucene-tokenizer,quarry-tokenizer,fst"
  echo "         --rounds 3 --round-seconds 1 --warmup-seconds 2 --text-mb 20 --check-mb 1 --xmx 8g"
  echo "         --timeout-seconds 420 --data DIR --work DIR --results DIR"
  exit 0
fi

source "$here/env.sh"
java_bin="$java_home/bin/java"

if [[ "${QUARRY_BENCH_SKIP_BUILD:-0}" != 1 ]]; then
  echo "[bench] installing dev.quarry:quarry from $root" >&2
  (cd "$root" && mvn -q install -DskipTests) >&2
  echo "[bench] building quarry-benchmarks" >&2
  (cd "$here" && mvn -q package) >&2
fi

cd "$here"
exec "$java_bin" -Xmx6g -cp "target/quarry-benchmarks.jar:target/lib/*" dev.quarry.bench.Main "$@"
