#!/usr/bin/env bash
# P(met) of real targets, walk-forward (docs/targets.md, issue 28): `analytics backtest-reports` on the shared national
# reports for 2004–2015, 2004–2009 and 2010–2015 beside the baselines; the same for the board's national check
# (`analytics backtest-board`); the years 2016–2024, whose reports are not in ../shared: datasets/china-national with the
# targets and first-published outcomes typed by hand in benchmarks/targets-heldout (`analytics backtest-reports DATASET`);
# the 2025 national targets' P(met) from `analytics track china-national`; and how the 2025 GDP target's P(met) moves
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
# 2016–2024: the bundled national dataset with the typed targets and outcomes of the reports of 2017–2025 appended.
cp -r datasets/china-national "$tmp/national-2024"
for f in target-history observations; do tail -n +2 "benchmarks/targets-heldout/$f.csv" >> "$tmp/national-2024/$f.csv"; done
heldout=("2016 2024" "2016 2019" "2020 2024")
for p in "${heldout[@]}"; do
  set -- $p
  analytics backtest-reports "$tmp/national-2024" --from "$1" --to "$2" > "$tmp/heldout-$1-$2.txt"
  analytics backtest-board --national "$tmp/national-2024" --from "$1" --to "$2" > "$tmp/heldout-board-$1-$2.txt"
done

# One markdown table of every method's Brier and log score in the three parts, from the commands' printed scores.
scores() {
  python3 - "$@" <<'EOF'
import sys
names = sys.argv[1].split("|")
runs = sys.argv[2:]
table = {}
order = []
counts = []
for path in runs:
    lines = open(path, encoding="utf-8").read().splitlines()
    start = next(i for i, l in enumerate(lines) if l.startswith("method "))
    for l in lines[start + 1:]:
        f = l.split()
        if len(f) != 5: break
        if f[0] not in table: table[f[0]] = []; order.append(f[0])
        table[f[0]].append((f[2], f[3]))
    counts.append(next(l.split()[1] for l in lines[start + 1:] if l.startswith("p_met ")))

print("| method | " + " | ".join(f"{n} (n = {c}) Brier | log score" for n, c in zip(names, counts)) + " |")
print("|---|" + "---:|---:|" * len(runs))
for m in order:
    cells = " | ".join(f"{b} | {s}" for b, s in table[m])
    print(f"| {'**p_met**' if m == 'p_met' else m} | {cells} |")
EOF
}

results_begin targets
echo '### The national reports, walk-forward'
echo
echo "\`analytics backtest-reports ../shared/reports/national --from A --to B\` for the three parts: every target is judged with"
echo 'what was published before its year (its record, its forecast, the settings and the weight chosen on earlier outcomes'
echo 'only); lower Brier and higher (less negative) log score are better:'
echo
scores "2004–2015|2004–2009|2010–2015" "$tmp/reports-2004-2015.txt" "$tmp/reports-2004-2009.txt" "$tmp/reports-2010-2015.txt"
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
scores "2004–2015|2004–2009|2010–2015" "$tmp/board-2004-2015.txt" "$tmp/board-2004-2009.txt" "$tmp/board-2010-2015.txt"
echo
echo '### Years not in ../shared: 2016–2024'
echo
echo 'The reports of 2017–2025 are not in `../shared`. `benchmarks/targets-heldout` holds, typed by hand from the published'
echo 'government work reports and statistical communiqués, the main targets they set for 2017–2024 and the first-published'
echo 'outcomes of 2016–2023; appended to `datasets/china-national`, `analytics backtest-reports DIR --from A --to B` judges'
echo 'them walk-forward exactly as `track` judges the dataset. Nothing in the model was chosen on these years:'
echo
scores "2016–2024|2016–2019|2020–2024" "$tmp/heldout-2016-2024.txt" "$tmp/heldout-2016-2019.txt" "$tmp/heldout-2020-2024.txt"
echo
echo '```'
sed -n '/^reliability of p_met/,$p' "$tmp/heldout-2016-2024.txt"
echo '```'
echo
echo 'The board'"'"'s composition on the same years (`analytics backtest-board --national DIR --from A --to B`):'
echo
scores "2016–2024|2016–2019|2020–2024" "$tmp/heldout-board-2016-2024.txt" "$tmp/heldout-board-2016-2019.txt" "$tmp/heldout-board-2020-2024.txt"
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
