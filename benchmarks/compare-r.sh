#!/usr/bin/env bash
# Accuracy and speed of this library against R's forecast package on one M3 set, in one run.
#
# usage: benchmarks/compare-r.sh [yearly|quarterly|monthly|other] [models, comma separated]
#   e.g. benchmarks/compare-r.sh yearly naive,drift,theta,ets
#
# For each model, `analytics forecast --threads 1 --timing` (Release build) forecasts every training series with 80
# and 95% intervals; models that ../shared/peers/r-forecast.R knows (naive, snaive, drift, ses, holt, damped, ets,
# arima, theta) are run there too on the same file. Both outputs are scored by ../shared/peers/score.py against the
# test file. What is timed:
#   ours  - fitting and forecasting only (no process start, no file reading or writing), one thread: "cold" is the
#           first pass over the series, which includes JIT compilation; "warm" is the median of later passes.
#   R     - r-forecast.R's own timing of its lapply over the series (fitting and forecasting, no file I/O).
# The ratio is our warm series/s over R's series/s (the cold ratio is printed beside it).
# Data: $ANALYTICS_M3 (directory of m3-<set>-{train,test}.csv) and $ANALYTICS_PEERS (directory of r-forecast.R and
# score.py); by default shared/datasets/m3 and shared/peers beside an ancestor of this repository.
set -euo pipefail

set_name=${1:-yearly}
models=${2:-naive,drift,theta}
source "$(dirname "${BASH_SOURCE[0]}")/m3-set.sh"

out=$(mktemp -d "${TMPDIR:-/tmp}/compare-r.XXXXXX")
trap 'rm -rf "$out"' EXIT
echo "building the CLI (Release)..." >&2
dotnet build "$root/src/Zhibiao.Analytics.Cli" -c Release -o "$out/cli" -nologo -v q >&2
cli=$out/cli/Zhibiao.Analytics.Cli

r_known=" naive snaive drift ses holt damped ets arima theta "
r_models=()
IFS=',' read -r -a wanted <<< "$models"
for model in "${wanted[@]}"; do
  echo "ours: $model..." >&2
  rc=0
  "$cli" forecast --input "$train" --horizon "$h" --model "$model" --threads 1 --timing --output "$out/ours-$model.csv" 2> "$out/ours-$model.log" || rc=$?
  # Exit code 1: some series could not be forecast (named in the log); they are counted in the table.
  if [ "$rc" -gt 1 ]; then echo "ours failed for $model:" >&2; cat "$out/ours-$model.log" >&2; exit 1; fi
  [[ $r_known == *" $model "* ]] && r_models+=("$model")
done
if [ ${#r_models[@]} -gt 0 ]; then
  echo "R: ${r_models[*]}..." >&2
  (IFS=','; Rscript "$peers/r-forecast.R" "$train" "$h" "$m" "$out/r" "${r_models[*]}") > "$out/r.log"
fi

score() { python3 "$peers/score.py" "$train" "$test" "$1" "$m"; }
field() { sed -n "s/.*$1=\([^ ]*\).*/\1/p"; }

echo "M3 $set_name ($(tail -n +2 "$train" | cut -d, -f1 | uniq | wc -l) series, h = $h), $(date -u +%Y-%m-%d), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), commit $(git -C "$root" rev-parse --short HEAD)"
echo
echo "| model | sMAPE | MASE | cov95 | R sMAPE | R MASE | R cov95 | series/s warm | series/s cold | R series/s | ratio warm | ratio cold |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
for model in "${wanted[@]}"; do
  failed=$(grep -c '^warning: series' "$out/ours-$model.log" || true)
  ours=$(score "$out/ours-$model.csv" 2>&1) || ours="sMAPE=n/a MASE=n/a coverage95=n/a"
  [ "$failed" -gt 0 ] && model_label="$model ($failed series failed)" || model_label=$model
  warm=$(field series_per_second < "$out/ours-$model.log")
  series=$(field series < "$out/ours-$model.log" | head -1)
  cold_s=$(field cold_seconds < "$out/ours-$model.log")
  cold=$(awk -v n="$series" -v s="$cold_s" 'BEGIN { printf "%.0f", n / s }')
  r_smape="–"; r_mase="–"; r_cov="–"; r_sps="–"; ratio="–"; ratio_cold="–"
  if [ -f "$out/r/$model.csv" ]; then
    theirs=$(score "$out/r/$model.csv" 2>&1) || theirs="sMAPE=n/a MASE=n/a coverage95=n/a"
    r_smape=$(field sMAPE <<< "$theirs"); r_mase=$(field MASE <<< "$theirs"); r_cov=$(field coverage95 <<< "$theirs")
    r_sps=$(grep "^$model," "$out/r.log" | cut -d, -f4)
    ratio=$(awk -v a="$warm" -v b="$r_sps" 'BEGIN { printf "%.0f×", a / b }')
    ratio_cold=$(awk -v a="$cold" -v b="$r_sps" 'BEGIN { printf "%.0f×", a / b }')
  fi
  printf '| %s | %s | %s | %s | %s | %s | %s | %.0f | %s | %s | %s | %s |\n' "$model_label" \
    "$(field sMAPE <<< "$ours")" "$(field MASE <<< "$ours")" "$(field coverage95 <<< "$ours")" \
    "$r_smape" "$r_mase" "$r_cov" "$warm" "$cold" "$r_sps" "$ratio" "$ratio_cold"
done
