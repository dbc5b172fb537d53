#!/usr/bin/env bash
# Streams benchmarks, unattended: builds Quarry, generates a >= 1 GB JSONL stream from the 20 newsgroups texts into
# benchmarks/work/ (git-ignored), measures reordering under -Xmx256m, the paragraph index and db-in/db-out, prints
# RESULT lines (also saved to benchmarks/work/streams-results.txt) and deletes what it generated.
#
#   benchmarks/streams/run.sh            # everything, 1050 MB stream
#   MIN_MB=50 benchmarks/streams/run.sh  # a quick smoke run
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$PWD"
source benchmarks/env.sh
JAVA=${JAVA:-$java_home/bin/java}
MIN_MB=${MIN_MB:-1050}
WINDOW=${WINDOW:-1000}
DB_ROWS=${DB_ROWS:-100000}
DATA=${DATA:-$(find_data 20newsgroups-bydate)}
WORK=benchmarks/work
STREAM=$WORK/stream.jsonl
RESULTS=$WORK/streams-results.txt
mkdir -p "$WORK"
trap 'rm -rf "$STREAM" "$WORK/idx" "$WORK/bench.db"* "$WORK"/gc-*.log*' EXIT

mvn -q -o -DskipTests package
mvn -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
CP="target/classes:$(cat "$WORK/cp.txt")"
BENCH=benchmarks/streams/StreamsBench.java
: > "$RESULTS"

note() { echo "$*" | tee -a "$RESULTS"; }
load() { uptime | sed 's/.*load average: /load=/; s/, /\//g'; }
# from a -Xlog:gc log: the most heap in use before a collection, and the most still live after one
peak_gc() { grep -oE '[0-9]+M->[0-9]+M' "$1" | cut -dM -f1 | sort -n | tail -1; }
live_gc() { grep -oE '[0-9]+M->[0-9]+M' "$1" | cut -d'>' -f2 | tr -d M | sort -n | tail -1; }

note "# $(date -u +%FT%TZ) $(nproc) cores, $($JAVA -version 2>&1 | head -1)"
rm -rf "$STREAM" "$WORK/idx" "$WORK/bench.db"*
"$JAVA" -cp "$CP" "$BENCH" generate "$DATA/20newsgroups-bydate" "$STREAM" "$MIN_MB" 42 | tee -a "$RESULTS"

# read: the reader alone (the peer); as-is: + hashes + dedup; uncertain: + a window ordered by meta.score;
# matches: + pattern spans and prefer-matches; the last pass: uncertain with a ten times larger window
for run in "read $WINDOW" "as-is $WINDOW" "uncertain $WINDOW" "matches $WINDOW" "uncertain $((WINDOW * 10))"; do
    set -- $run
    before=$(load)
    log="$WORK/gc-$1-$2.log"
    "$JAVA" -Xmx256m -Xlog:gc:file="$log" -cp "$CP" "$BENCH" reorder "$STREAM" "$1" "$2" \
        benchmarks/streams/patterns.jsonl > "$WORK/out.txt"
    note "$(grep RESULT "$WORK/out.txt") gc_peak_before_mb=$(peak_gc "$log") gc_live_after_max_mb=$(live_gc "$log") $before"
done

before=$(load)
"$JAVA" -Xmx256m -cp "$CP" "$BENCH" index "$DATA/20newsgroups-bydate/train.jsonl" "$WORK/idx" \
    benchmarks/streams/patterns.jsonl | sed "s|\$| $before|" | tee -a "$RESULTS"

for store in "$WORK/bench.db" postgres; do
    before=$(load)
    "$JAVA" -Xmx256m -cp "$CP" "$BENCH" db "$store" "$STREAM" "$DB_ROWS" 2>/dev/null | grep RESULT \
        | sed "s|\$| $before|" | tee -a "$RESULTS"
done
note "# done $(date -u +%FT%TZ) $(load)"
