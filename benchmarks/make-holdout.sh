#!/usr/bin/env bash
# Splits the M3 training files into a training and a validation part (the last H values of each series held out),
# for choosing methods without touching the test files.
# usage: benchmarks/make-holdout.sh OUTDIR [M3DIR]   writes OUTDIR/<set>-train.csv and OUTDIR/<set>-test.csv
set -euo pipefail
out=${1:?usage: make-holdout.sh OUTDIR [M3DIR]}
m3=${2:-$(cd "$(dirname "$0")/../.." && pwd)/shared/datasets/m3}
mkdir -p "$out"
for spec in yearly:6 quarterly:8 monthly:18 other:8; do
  set_name=${spec%%:*}; h=${spec##*:}
  awk -F, -v h="$h" -v tr="$out/$set_name-train.csv" -v te="$out/$set_name-test.csv" '
    NR == 1 { print > tr; print > te; next }
    { id[NR] = $1; line[NR] = $0; count[$1]++ }
    END {
      for (i = 2; i <= NR; i++) { seen[id[i]]++; print line[i] > (seen[id[i]] > count[id[i]] - h ? te : tr) }
    }' "$m3/m3-$set_name-train.csv"
done
echo "wrote $out/{yearly,quarterly,monthly,other}-{train,test}.csv" >&2
