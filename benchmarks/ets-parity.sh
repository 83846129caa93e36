#!/usr/bin/env bash
# Model parity and speed of the automatic ETS against R's forecast::ets() on one M3 set, in one run.
#
# usage: benchmarks/ets-parity.sh [yearly|quarterly|monthly]
#
# 1. R: benchmarks/ets-parity.R fits ets() to every training series and dumps the selected model per series, with
#    its own timing of the fits (one thread; series per elapsed second and per CPU second).
# 2. Ours: `analytics forecast --model ets --threads 1 --timing` (Release build) forecasts the same series; the
#    output's model column holds the fitted method, spelled as R prints it (ETS(M,Ad,N)). Its timing covers fitting
#    and forecasting only: "cold" is the first pass (JIT included), "warm" the median of later passes.
# 3. The selected models are compared series by series: the match rate and the commonest disagreements are printed,
#    then both outputs are scored by ../shared/peers/score.py against the test file.
# Data: $ANALYTICS_M3 and $ANALYTICS_PEERS as for compare-r.sh (shared/datasets/m3, shared/peers beside an ancestor).
set -euo pipefail

set_name=${1:-yearly}
source "$(dirname "${BASH_SOURCE[0]}")/m3-set.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "building the CLI (Release)..." >&2
dotnet build -c Release "$root/src/Zhibiao.Analytics.Cli" -v quiet -nologo >&2
cli=(dotnet "$root/src/Zhibiao.Analytics.Cli/bin/Release/net10.0/Zhibiao.Analytics.Cli.dll")

echo "R: ets() on $set_name..." >&2
r_timing=$(Rscript "$root/benchmarks/ets-parity.R" "$train" "$m" "$work/r.csv" 2>/dev/null | grep '^ets,')
echo "ours: ets on $set_name..." >&2
our_timing=$("${cli[@]}" forecast --input "$train" --horizon "$h" --model ets --threads 1 --timing --output "$work/ours.csv" 2>&1 | grep '^timing:')

echo "M3 $set_name, $(date +%F), load average $(cut -d' ' -f1-3 /proc/loadavg), commit $(git -C "$root" rev-parse --short HEAD)"
python3 - "$work/r.csv" "$work/ours.csv" <<'PY'
import csv, sys, collections
r = {row['unique_id']: row['method'] for row in csv.DictReader(open(sys.argv[1]))}
ours = {}
for row in csv.DictReader(open(sys.argv[2])):
    ours.setdefault(row['unique_id'], row['model'])
norm = lambda s: 'ETS(A,N,N)' if s == 'Simple exponential smoothing' else s
same = sum(norm(r[k]) == ours.get(k) for k in r)
print(f"selected model identical to R's ets(): {same}/{len(r)} = {same / len(r):.3f}")
for (a, b), c in collections.Counter((norm(r[k]), ours.get(k)) for k in r if norm(r[k]) != ours.get(k)).most_common(8):
    print(f"  R {a}, ours {b}: {c}")
PY
IFS=, read -r _ n_r r_el r_rate r_cpu r_cpu_rate <<< "$r_timing"
our_rate=$(sed 's/.*series_per_second=\([0-9.]*\).*/\1/' <<< "$our_timing")
echo "R ets(): $n_r series, ${r_el}s elapsed = $r_rate series/s (CPU ${r_cpu}s = $r_cpu_rate series/s)"
echo "ours:    $our_timing"
python3 -c "print(f'speed ratio (ours warm / R elapsed): {float(\"$our_rate\") / float(\"$r_rate\"):.1f}x')"
echo "scores (score.py): ours then R's models refitted by r-forecast.R are in compare-r.sh; ours:"
python3 "$peers/score.py" "$train" "$test" "$work/ours.csv" "$m"
