#!/usr/bin/env bash
# Year-to-date judging (docs/year-to-date.md): the choice of the default model on M3 monthly (every fourth series,
# ets against theta), then `analytics backtest-ytd` on tourism monthly and M1 monthly with targets −5%, 0, +5%, +10%
# over the previous year's total and the default model, with their reliability tables at k = 0, 4 and 8
# (`--reliability`); the CPU and wall time of the tourism run (two threads) as a timing. Needs ../shared/datasets
# (SHARED=DIR for another place); a few minutes on an idle two-core machine.
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
for name in tourism m1; do
  analytics backtest-ytd --train "$SHARED/$name/$name-monthly-train.csv" --test "$SHARED/$name/$name-monthly-test.csv" "$GROWTH" --threads 2 \
    --reliability --format csv > "$tmp/$name-reliability.csv"
done

# The reliability table at k = 0, 4 and 8 from backtest-ytd --reliability: per bin of P(met), cases, mean P(met), share met.
reliability() {
  echo "| P(met) | k = 0: cases | mean P(met) | share met | k = 4: cases | mean P(met) | share met | k = 8: cases | mean P(met) | share met |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  awk -F, 'NR > 1 && ($1 == 0 || $1 == 4 || $1 == 8) { b = int($2 * 10 + 0.5); n[$1, b] = $4; p[$1, b] = $5; o[$1, b] = $6 }
    END { for (b = 0; b < 10; b++) {
            printf "| %.1f–%.1f |", b / 10, (b + 1) / 10
            for (i = 0; i <= 8; i += 4)
              if ((i, b) in n) printf " %d | %.2f | %.2f |", n[i, b], p[i, b], o[i, b]; else printf " 0 | | |"
            printf "\n" } }' "$1"
}

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
echo "**Reliability of P(met)** (\`analytics backtest-ytd … --reliability\`) on tourism monthly:"
echo
reliability "$tmp/tourism-reliability.csv"
echo
echo "and on M1 monthly:"
echo
reliability "$tmp/m1-reliability.csv"
echo
echo "<!-- timing -->"
read -r user sys wall < "$tmp/tourism.time"
echo "The whole tourism monthly backtest (366 series × 12 months × 1000 paths, \`--threads 2\`): $user s of CPU in user mode, $wall s of wall time at the load above."
echo "<!-- /timing -->"
results_end
