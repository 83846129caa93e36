#!/usr/bin/env bash
# Year-to-date judging (docs/year-to-date.md): the choice of the default model on M3 monthly (every fourth series,
# ets against theta), then `analytics backtest-ytd` on tourism monthly and M1 monthly with targets −5%, 0, +5%, +10%
# over the previous year's total and the default model; the CPU and wall time of the tourism run (two threads) as a
# timing. Needs ../shared/datasets (SHARED=DIR for another place); a few minutes on an idle two-core machine.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
SHARED=${SHARED:-$ROOT/../shared/datasets}
GROWTH=--growth=-0.05,0,0.05,0.1
analytics --version > /dev/null   # builds the Release CLI once
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# One markdown table from backtest-ytd's CSV.
table() {
  echo "| months known | cases | base rate | Brier | ECE | ECE floor | Brier pro-rata | Brier k = 0 |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
  awk -F, 'NR > 1 { printf "| %d | %d | %.3f | %.4f | %.4f | %.4f | %.4f | %.4f |\n", $1, $2, $3, $4, $5, $8, $6, $7 }' "$1"
}

# The choice of the model, on M3 monthly: every fourth series (the 1st, 5th, 9th … in file order).
m3_monthly_quarter "$tmp"
for model in theta ets; do
  analytics backtest-ytd --train "$tmp/m3q-train.csv" --test "$tmp/m3q-test.csv" "$GROWTH" --model "$model" --threads 2 --format csv > "$tmp/m3-$model.csv"
done

/usr/bin/time -f '%U %S %e' -o "$tmp/tourism.time" "$ANALYTICS_CLI" backtest-ytd --train "$SHARED/tourism/tourism-monthly-train.csv" \
  --test "$SHARED/tourism/tourism-monthly-test.csv" "$GROWTH" --threads 2 --format csv > "$tmp/tourism.csv"
analytics backtest-ytd --train "$SHARED/m1/m1-monthly-train.csv" --test "$SHARED/m1/m1-monthly-test.csv" "$GROWTH" --threads 2 --format csv > "$tmp/m1.csv"

results_begin year-to-date
echo "**The choice of the model on M3 monthly** (every fourth series; \`analytics backtest-ytd --model theta\` and \`--model ets\`):"
echo
echo "| months known | cases | Brier theta | ECE theta | Brier ets | ECE ets | ECE floor (ets) | Brier pro-rata |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
paste -d, "$tmp/m3-theta.csv" "$tmp/m3-ets.csv" | awk -F, 'NR > 1 { printf "| %d | %d | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f |\n", $1, $2, $4, $5, $12, $13, $16, $6 }'
echo
echo "**Tourism monthly** (\`analytics backtest-ytd --train tourism-monthly-train.csv --test tourism-monthly-test.csv $GROWTH\`):"
echo
table "$tmp/tourism.csv"
echo
echo "**M1 monthly** (\`analytics backtest-ytd --train m1-monthly-train.csv --test m1-monthly-test.csv $GROWTH\`):"
echo
table "$tmp/m1.csv"
echo
echo "<!-- timing -->"
read -r user sys wall < "$tmp/tourism.time"
echo "The whole tourism monthly backtest (366 series × 12 months × 1000 paths, \`--threads 2\`): $user s of CPU in user mode, $wall s of wall time at the load above."
echo "<!-- /timing -->"
results_end
