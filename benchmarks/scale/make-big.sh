#!/usr/bin/env bash
# Writes M3 yearly's training series repeated N times with distinct ids (N0001 -> r0001-N0001, ...) as one long-format
# CSV: N = 1550 gives 999,750 series (about 500 MB). For the scale figures only; never commit the output.
#
# usage: benchmarks/scale/make-big.sh [REPEATS] [OUT]   (defaults: 1550, /tmp/m3-yearly-x1550.csv)
# Data: $ANALYTICS_M3 (directory of m3-yearly-train.csv); by default shared/datasets/m3 beside an ancestor of this repo.
set -euo pipefail
repeats=${1:-1550}
out=${2:-/tmp/m3-yearly-x$repeats.csv}
set_name=yearly
source "$(dirname "${BASH_SOURCE[0]}")/../m3-set.sh"
awk -v n="$repeats" 'NR == 1 { header = $0; next } { rows[++count] = $0 }
  END {
    print header
    for (r = 1; r <= n; r++)
      for (i = 1; i <= count; i++) printf "r%04d-%s\n", r, rows[i]
  }' "$train" > "$out"
echo "$out: $(( $(wc -l < "$out") - 1 )) rows" >&2
