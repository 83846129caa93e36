#!/usr/bin/env bash
# `auto` on the nine collections its recipe is chosen on (docs/forecasting.md): M3 yearly, quarterly, monthly, other;
# tourism quarterly, monthly; M1 yearly, quarterly, monthly — hold-out on the competitions' test files, 95% intervals,
# by benchmarks/collections.sh (one `analytics evaluate --model auto --level 95` per collection). Needs ../shared's
# datasets (ANALYTICS_DATASETS to override). About 10 CPU minutes. Writes docs/results/collections.md.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
analytics --version > /dev/null   # builds the Release CLI once (and sets ANALYTICS_CLI)
MODELS=${MODELS:-auto} bash benchmarks/collections.sh "$work/rows.csv" "${THREADS:-2}" > "$work/table.md"

results_begin collections
cat "$work/table.md"
results_end
