#!/usr/bin/env bash
# CoNLL-2003 NER end to end through the command line, as a user would run it: db-in the IOB files into datasets,
# `quarry train` with the benchmark's settings "f" (one NER) and with `--ner-vote 5` ("vote-f"), `quarry evaluate`
# on the eng.testa and eng.testb files (all sentences; train prints the --eval dataset's scores too). Prints the
# tables, the times and the package sizes into results/cli-conll-<UTC time>.md.
# Usage: benchmarks/training/cli-conll.sh [single|vote]...   (default: both)
# Needs ../shared/data (CoNLL-2003, GloVe) beside the repository, or QUARRY_DATA=/path/to/data. Writes only under
# benchmarks/work/cli-conll/ (git-ignored): the SQLite database and the two packages.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
source "$root/benchmarks/env.sh"
java="$java_home/bin/java"
data="$(find_data conll2003-en)"
conll="$data/conll2003-en"
glove="$data/glove-6b-100d-top100k/glove.6B.100d.top100k.txt"
runs=("$@"); [[ ${#runs[@]} -gt 0 ]] || runs=(single vote)
work="$root/benchmarks/work/cli-conll"
mkdir -p "$work" "$here/results"
(cd "$root" && mvn -q package -DskipTests)
# A copy (with its lib/), so that rebuilding target/ during the run does not pull the jar from under the JVM.
rm -rf "$work/lib" && cp -r "$root/target/lib" "$work/lib" && cp "$root/target/quarry.jar" "$work/quarry.jar"
db="$work/conll.db"
q() { "$java" --enable-native-access=ALL-UNNAMED -Dquarry.stderr.tty=true -Xmx8g -jar "$work/quarry.jar" "$@" --db "$db"; }
timed() { local t0=$SECONDS; "$@"; echo "elapsed $((SECONDS - t0)) s, $(uptime)"; }
out="$here/results/cli-conll-$(date -u +%Y%m%dT%H%M%SZ).md"
{
  echo "## $(date -u '+%Y-%m-%d %H:%M UTC'), $(uptime)"
  echo '```'
  rm -f "$db"
  for set in train testa; do timed q db-in "conll_$set" "$conll/eng.$set" --format conll; done
  common=(--ner conll_train --eval conll_testa --vectors "$glove" --clusters 64,256,1024 --seed 42 --ner-features f)
  for run in "${runs[@]}"; do
    case "$run" in
      single) name=f; extra=() ;;
      vote) name=vote-f; extra=(--ner-vote 5) ;;
      *) echo "unknown run $run (single|vote)" >&2; exit 2 ;;
    esac
    echo "### quarry train ${common[*]} ${extra[*]} -o $name"
    timed q train "${common[@]}" "${extra[@]}" -o "$work/$name"
    echo "package size: $(du -sk "$work/$name" | cut -f1) KiB"; ls -l "$work/$name"
    for set in testa testb; do
      echo "### quarry evaluate $name eng.$set --only model"
      timed q evaluate "$work/$name" "$conll/eng.$set" --only model
    done
  done
  echo '```'
  echo "finished $(date -u '+%H:%M UTC'), $(uptime)"
} 2>&1 | tee "$out"
