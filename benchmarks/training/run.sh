#!/usr/bin/env bash
# Runs the training benchmarks unattended and appends their output to results/<UTC timestamp>.md.
# Usage: benchmarks/training/run.sh [ner CONFIG...] [textcat CONFIG...] [entities [TEXTCAT_CONFIG]] [multilabel]
#        [cost [CONFIG...]] [prune SPLIT CONFIG THRESHOLD...]
#   default: ner a b b3 c c-gaz   textcat nb1b-c2-w1000 cnb1t-c2-w1000 sc1t-c2-a0.3 sc1t-c2-a0.3-g4 sc1t-c2-a0.3-hs curve:default,sc1t-c2-a0.3
# NER configs: a (OpenNLP defaults: maxent 100/5), a-perceptron, b (perceptron 300/0 + k=256 clusters +-2),
#   b3 (+ k=64/256/1024), c (+ affixes, shapes, document features), d (c + two-pass document labels),
#   c-gaz / b3-gaz (c / b3 + gazetteer pattern features from 16 corpora-lists; -gaz30: 30 lists), e (d + gazetteers).
#   Textcat configs: LEARNER N FLAGS SUFFIXES, e.g. nb1b-c2-w1000, cnb1t-c2-w1000-hs: learner nb|cnb|svm|sc|p|q|m, n-gram
#   length 1-3, flags b (presence) c (k=256 clusters) t (tf-idf) l2 (L2 1), suffixes -cN cutoff, -wN first N words,
#   -aX alpha, -lX L2 cost, -iN iterations, -gN character n-grams 3..N inside words, -hs Subject kept / -hk headers kept (see TextcatBenchmark.settings);
#   default is TextcatSettings.svmWithComplementNb() itself (= sc1t-c2-a0.3-g4, what quarry train --textcat trains);
#   curve:CONFIG[,CONFIG...] runs a 25/50/75/100% learning curve (the others as comparison columns) and writes its
#   JSON and SVG to benchmarks/work/;
#   dev:CONFIG / late:CONFIG score a held-out 10% of train (seeded / each group's latest posts) instead of test.
#   k-means clusters are cached under benchmarks/work/ (git-ignored).
# entities: entity features (category patterns from corpora-lists, an NER trained on CoNLL) for the 20NG textcat
#   (EntityFeatureBenchmark; its NER and entity labels are cached under benchmarks/work/entities/).
# multilabel: multi-label textcat on 20NG with its hierarchy as label sets and on CoNLL-2003 documents labelled by
#   the entity types they contain (MultiLabelBenchmark).
# cost: what each textcat costs on 20NG (train time, textcat.bin and zipped package bytes, load time, retained heap,
#   docs/s and MB/s on 1 thread and all cores; TextcatCostBenchmark); CONFIG a textcat config or opennlp-nb (plain
#   DocumentCategorizerME); default: default sc1t-c2-a0.3 svm1t-c2-g4 svm1t-c2 cnb1t-c2-a0.3 opennlp-nb.
# prune: the SVM_CNB model of CONFIG trained on SPLIT (dev, late or test), its SVM weights in half precision and pruned
#   under each THRESHOLD (0: half precision only), rescored (TextcatPruneBenchmark).
# Needs ../shared/data (CoNLL-2003, 20 Newsgroups, GloVe) beside the repository, or QUARRY_DATA=/path/to/data.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
source "$root/benchmarks/env.sh"
data="$(find_data conll2003-en)"
glove="$data/glove-6b-100d-top100k/glove.6B.100d.top100k.txt"
ner=(); textcat=(); entities=(); multilabel=(); cost=(); prune=(); mode=""
for arg in "$@"; do
  case "$arg" in
    ner|textcat) mode="$arg" ;;
    entities) mode="$arg"; entities+=("--") ;;
    multilabel) mode="$arg"; multilabel+=("--") ;;
    cost) mode="$arg"; cost+=("--") ;;
    prune) mode="$arg"; prune+=("--") ;;
    *) case "$mode" in
         ner) ner+=("$arg") ;;
         entities) entities+=("$arg") ;;
         multilabel) multilabel+=("$arg") ;;
         cost) cost+=("$arg") ;;
         prune) prune+=("$arg") ;;
         *) textcat+=("$arg") ;;
       esac ;;
  esac
done
if [[ $# -eq 0 ]]; then
  ner=(a b b3 c c-gaz); textcat=(nb1b-c2-w1000 cnb1t-c2-w1000 sc1t-c2-a0.3 sc1t-c2-a0.3-g4 sc1t-c2-a0.3-hs curve:default,sc1t-c2-a0.3)
fi
(cd "$root" && mvn -q install -DskipTests)
(cd "$here" && mvn -q package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt)
# This worktree's classes first: other worktrees install the same snapshot version into ~/.m2.
cp="$here/target/classes:$root/target/classes:$(cat "$here/target/classpath.txt")"
work="$root/benchmarks/work"
mkdir -p "$work" "$here/results"
out="$here/results/$(date -u +%Y%m%dT%H%M%SZ).md"
run() { "$java_home/bin/java" -Xmx8g -cp "$cp" "$@" 2>&1 | grep --line-buffered -v '^WARNING: Using incubator'; }
{
  echo "## $(date -u '+%Y-%m-%d %H:%M UTC'), $(uptime)"
  echo '```'
  if [[ ${#ner[@]} -gt 0 ]]; then run dev.quarry.bench.NerBenchmark "$data/conll2003-en" "$glove" "$work" "${ner[@]}"; fi
  if [[ ${#textcat[@]} -gt 0 ]]; then
    run dev.quarry.bench.TextcatBenchmark "$data/20newsgroups-bydate" "$glove" "$work" "${textcat[@]}"
  fi
  if [[ ${#entities[@]} -gt 0 ]]; then
    run dev.quarry.bench.EntityFeatureBenchmark "$data" "$glove" "$work" "${entities[@]:1}"
  fi
  if [[ ${#multilabel[@]} -gt 0 ]]; then
    run dev.quarry.bench.MultiLabelBenchmark "$data" "$glove" "$work" "${multilabel[@]:1}"
  fi
  if [[ ${#cost[@]} -gt 0 ]]; then
    configs=("${cost[@]:1}")
    [[ ${#configs[@]} -gt 0 ]] || configs=(default sc1t-c2-a0.3 svm1t-c2-g4 svm1t-c2 cnb1t-c2-a0.3 opennlp-nb)
    run dev.quarry.bench.TextcatCostBenchmark "$data/20newsgroups-bydate" "$work" "${configs[@]}"
  fi
  if [[ ${#prune[@]} -gt 0 ]]; then
    run dev.quarry.bench.TextcatPruneBenchmark "$data/20newsgroups-bydate" "${prune[@]:1}"
  fi
  echo '```'
  echo "finished $(date -u '+%H:%M UTC'), $(uptime)"
} | tee "$out"
