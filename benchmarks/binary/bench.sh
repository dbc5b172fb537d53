#!/usr/bin/env bash
# Internal helper: runs BinaryBenchmark against a snapshot of target/ (so rebuilding during a run is safe).
# Usage: benchmarks/binary/bench.sh NAME ARGS...   (output in /tmp/bb/NAME.log)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"; root="$(cd "$here/../.." && pwd)"; name="$1"; shift
snap="/tmp/bb/snap-$name"; rm -rf "$snap"; mkdir -p "$snap/classes"
cp "$root/target/quarry.jar" "$snap/"; cp -r "$root/target/lib" "$snap/lib"
j=/usr/lib/jvm/temurin-25-jdk-amd64/bin
$j/javac --release 21 -Xlint:all -Werror -d "$snap/classes" -cp "$snap/quarry.jar:$snap/lib/*" $(find "$here/src" -name "*.java")
d=/work/shared/data
{ echo "## $name $(date -u '+%Y-%m-%d %H:%M UTC'), $(uptime)"; echo "args: $*";
  $j/java -Xmx6g -cp "$snap/classes:$snap/quarry.jar:$snap/lib/*" BinaryBenchmark $d/conll2003-en $d/glove-6b-100d-top100k/glove.6B.100d.top100k.txt "$root/benchmarks/work" "$@" 2>&1 | grep -v -e '^WARNING: Using incubator' -e '^SLF4J(W)';
  echo "finished $(date -u '+%H:%M UTC'), $(uptime)"; } > /tmp/bb/$name.log 2>&1
