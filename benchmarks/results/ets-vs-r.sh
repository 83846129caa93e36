#!/usr/bin/env bash
# ETS against R's ets() as whole processes (issue 33: ≥ 30×): M3 yearly's training series repeated 20 times (12,900
# series, benchmarks/scale/make-big.sh), forecast 6 steps with 80/95% intervals by `analytics forecast --model ets`
# (all cores) and by `Rscript ../shared/peers/r-forecast.R X 6 1 OUT ets` (R's forecast package, one core), each
# timed by /usr/bin/time (start, reading, fitting, writing), in PAIRS alternating pairs (default 3). The ratio of CPU
# seconds (user + system) holds on a busy machine; the ratio of wall seconds only on an idle one (ours uses both cores,
# R one). Needs R with the forecast package and ../shared (ANALYTICS_M3, ANALYTICS_PEERS). Writes docs/results/ets-vs-r.md.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
set_name=yearly
source benchmarks/m3-set.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
analytics --version > /dev/null   # builds the Release CLI once (and sets ANALYTICS_CLI)
input=/tmp/m3-yearly-x20.csv
[ -f "$input" ] || bash benchmarks/scale/make-big.sh 20 "$input"
series=$(cut -d, -f1 "$input" | uniq | tail -n +2 | wc -l)
rows=$work/rows
for p in $(seq "${PAIRS:-3}"); do
  l0=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -f "%e %U %S" -o "$work/ours" "$ANALYTICS_CLI" forecast --input "$input" --horizon 6 --model ets --output "$work/ours.csv"
  /usr/bin/time -f "%e %U %S" -o "$work/r" Rscript "$peers/r-forecast.R" "$input" 6 1 "$work/r-out" ets > /dev/null
  l1=$(cut -d' ' -f1 /proc/loadavg)
  read -r ow ou os < "$work/ours"; read -r rw ru rs < "$work/r"
  awk -v p="$p" -v ow="$ow" -v oc="$(echo "$ou + $os" | bc)" -v rw="$rw" -v rc="$(echo "$ru + $rs" | bc)" -v l="$l0 → $l1" \
    'BEGIN { printf "| %d | %.1f | %.1f | %.1f | %.1f | %.1f× | %.1f× | %s |\n", p, ow, oc, rw, rc, rc / oc, rw / ow, l }' >> "$rows"
done

results_begin ets-vs-r
echo "<!-- timing -->"
echo "$series series (M3 yearly × 20), horizon 6, 80/95% intervals; whole processes."
echo
echo "| pair | ours wall s | ours CPU s | R wall s | R CPU s | CPU ratio | wall ratio | load before → after |"
echo "|---:|---:|---:|---:|---:|---:|---:|---|"
cat "$rows"
echo "<!-- /timing -->"
results_end
