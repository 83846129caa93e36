#!/usr/bin/env bash
# P(met) of real targets, walk-forward (docs/targets.md, issue 28): `analytics backtest-reports` on the shared national
# reports for 2004–2015, 2004–2009 and 2010–2015 beside the baselines; the same for the board's national check
# (`analytics backtest-board`); the 2025 national targets' P(met) from `analytics track china-national`; and how the 2025 GDP target's P(met) moves
# with the margin model's prior strength and recency (`track --sensitivity`).
# Needs ../shared/reports/national (SHARED=DIR for another place); under a minute on an idle two-core machine.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
REPORTS=${SHARED:-$ROOT/../shared}/reports/national
if [ ! -d "$REPORTS" ]; then echo "skipped: $REPORTS not present"; exit 0; fi
analytics --version > /dev/null   # builds the Release CLI once
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

parts=("2004 2015" "2004 2009" "2010 2015")
for p in "${parts[@]}"; do
  set -- $p
  analytics backtest-reports "$REPORTS" --from "$1" --to "$2" > "$tmp/reports-$1-$2.txt"
  analytics backtest-board --from "$1" --to "$2" > "$tmp/board-$1-$2.txt"
done

results_begin targets
echo '### The national reports, walk-forward'
echo
echo "\`analytics backtest-reports ../shared/reports/national --from A --to B\` for the three parts: every target is judged with"
echo 'what was published before its year (its record, its forecast, the settings and the weight chosen on earlier outcomes'
echo 'only); lower Brier and higher (less negative) log score are better:'
echo
target_scores "2004–2015|2004–2009|2010–2015" "$tmp/reports-2004-2015.txt" "$tmp/reports-2004-2009.txt" "$tmp/reports-2010-2015.txt"
echo
echo 'Each method against P(met) on the same targets, 2004–2015 (mean difference ± standard error clustered by year: the targets'
echo 'of one year share one economy). A difference within about two standard errors of zero is not established by these'
echo 'few targets:'
echo
target_differences "$tmp/reports-2004-2015.txt"
echo
echo 'The reliability of P(met) and its scores by indicator, 2004–2015:'
echo
echo '```'
sed -n '/^reliability of p_met/,$p' "$tmp/reports-2004-2015.txt"
echo '```'
echo
echo '### The board'"'"'s national check'
echo
echo "\`analytics backtest-board --from A --to B\`: the national main targets judged as the board judges a province's — the"
echo 'record known then pooled with a forecast from last year'"'"'s figure and the five-year average only:'
echo
target_scores "2004–2015|2004–2009|2010–2015" "$tmp/board-2004-2015.txt" "$tmp/board-2004-2009.txt" "$tmp/board-2010-2015.txt"
echo
echo '### The 2025 national targets'
echo
echo '`analytics track china-national --format csv` (indicator, target, status, P(met)):'
echo
echo '| indicator | target | status | P(met) |'
echo '|---|---|---|---:|'
analytics track china-national --format csv > "$tmp/track.csv"
python3 - "$tmp/track.csv" <<'EOF'
import csv, sys
for r in csv.DictReader(open(sys.argv[1], encoding="utf-8")):
    if r["p_met"]:
        side = {"at_least": "≥", "at_most": "≤"}.get(r["target_direction"], "")
        target = f"{side}{r['target_value']} {r['unit']} by {r['target_period']}"
        print(f"| {r['indicator']} | {target} | {r['status']} | {float(r['p_met']):.2f} |")
EOF
echo
echo '### How much rests on the choices'
echo
echo "\`analytics track china-national --sensitivity\`, the 2025 GDP target: P(met) under every setting of the margin model"
echo '(the same forecast, its weights averaged given each setting; the answer is the rows averaged by the settings'"'"' posterior):'
echo
echo '```'
analytics track china-national --sensitivity | sed -n '/^P(met) as the margin/,$p' | sed -n '1,6p'
echo '```'
results_end
