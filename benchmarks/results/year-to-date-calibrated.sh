#!/usr/bin/env bash
# The walk-forward calibration of year-to-date P(met) (docs/year-to-date.md): `analytics backtest-ytd --calibrate` on
# tourism monthly, M1 monthly and M3 monthly (every fourth series) with targets −5%, 0, +5%, +10% over the previous
# year's total, beside the uncalibrated figures of the same runs (benchmarks/results/year-to-date.sh). Needs
# ../shared/datasets (SHARED=DIR for another place); about ten minutes on an idle two-core machine.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
SHARED=${SHARED:-$ROOT/../shared/datasets}
GROWTH=--growth=-0.05,0,0.05,0.1
analytics --version > /dev/null   # builds the Release CLI once
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for part in train test; do
  awk -F, 'NR == 1 { print; next } $1 != last { last = $1; n++ } n % 4 == 1 { print }' "$SHARED/m3/m3-monthly-$part.csv" > "$tmp/m3q-$part.csv"
done
run() { # name train test
  analytics backtest-ytd --train "$2" --test "$3" "$GROWTH" --threads 2 --format csv > "$tmp/$1-raw.csv"
  analytics backtest-ytd --train "$2" --test "$3" "$GROWTH" --threads 2 --calibrate --format csv > "$tmp/$1-cal.csv"
}
run tourism "$SHARED/tourism/tourism-monthly-train.csv" "$SHARED/tourism/tourism-monthly-test.csv"
run m1 "$SHARED/m1/m1-monthly-train.csv" "$SHARED/m1/m1-monthly-test.csv"
run m3 "$tmp/m3q-train.csv" "$tmp/m3q-test.csv"

results_begin year-to-date-calibrated
echo "\`analytics backtest-ytd --train … --test … $GROWTH\` without and with \`--calibrate\` (model \`ets\`):"
echo
echo "| months known | tourism Brier | tourism ECE | calibrated Brier | calibrated ECE | M1 Brier | M1 ECE | calibrated Brier | calibrated ECE | M3 Brier | M3 ECE | calibrated Brier | calibrated ECE |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
paste -d, "$tmp/tourism-raw.csv" "$tmp/tourism-cal.csv" "$tmp/m1-raw.csv" "$tmp/m1-cal.csv" "$tmp/m3-raw.csv" "$tmp/m3-cal.csv" \
  | awk -F, 'NR > 1 { printf "| %d | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f |\n", $1, $4, $5, $11, $12, $18, $19, $25, $26, $32, $33, $39, $40 }'
results_end
