#!/usr/bin/env bash
# The calibration of year-to-date P(met) on each series' own earlier years (docs/year-to-date.md): `analytics
# backtest-ytd --calibrate` on M3 monthly (every fourth series: the set its settings were chosen on), tourism monthly and
# M1 monthly with targets −5%, 0, +5%, +10% over the previous year's total, beside the same runs without it, with the
# ECE's noise floor of each. Needs ../shared/datasets (SHARED=DIR for another place); about ten minutes on an idle
# two-core machine.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
SHARED=${SHARED:-$ROOT/../shared/datasets}
GROWTH=--growth=-0.05,0,0.05,0.1
analytics --version > /dev/null   # builds the Release CLI once
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
m3_monthly_quarter "$tmp"
run() { # name train test
  analytics backtest-ytd --train "$2" --test "$3" "$GROWTH" --threads 2 --format csv > "$tmp/$1-raw.csv"
  analytics backtest-ytd --train "$2" --test "$3" "$GROWTH" --threads 2 --calibrate --format csv > "$tmp/$1-cal.csv"
}
run m3 "$tmp/m3q-train.csv" "$tmp/m3q-test.csv"
run tourism "$SHARED/tourism/tourism-monthly-train.csv" "$SHARED/tourism/tourism-monthly-test.csv"
run m1 "$SHARED/m1/m1-monthly-train.csv" "$SHARED/m1/m1-monthly-test.csv"

# One table: the uncalibrated and calibrated runs of a collection by k, and their means over k.
table() { # name
  echo "| months known | Brier | ECE | ECE floor | calibrated Brier | calibrated ECE | ECE floor |"
  echo "|---:|---:|---:|---:|---:|---:|---:|"
  paste -d, "$tmp/$1-raw.csv" "$tmp/$1-cal.csv" | awk -F, '
    NR > 1 { printf "| %d | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f |\n", $1, $4, $5, $8, $12, $13, $16
             for (i = 1; i <= 16; i++) s[i] += $i; n++ }
    END { printf "| mean | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f |\n", s[4] / n, s[5] / n, s[8] / n, s[12] / n, s[13] / n, s[16] / n }'
}

results_begin year-to-date-calibrated
echo "\`analytics backtest-ytd --train … --test … $GROWTH\` without and with \`--calibrate\` (model \`ets\`). The ECE"
echo "floor is the mean ECE of a perfectly calibrated forecaster with the same probabilities (column \`ece_floor\`)."
echo
echo "**M3 monthly, every fourth series** (the set the calibration's settings were chosen on):"
echo
table m3
echo
echo "**Tourism monthly:**"
echo
table tourism
echo
echo "**M1 monthly:**"
echo
table m1
results_end
