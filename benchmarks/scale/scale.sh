#!/usr/bin/env bash
# Throughput and peak memory of `analytics forecast` as the number of series grows: M3 yearly's training series
# repeated 16, 155 and 1550 times (10,320, 99,975 and 999,750 series; make-big.sh writes them into /tmp), each
# forecast 6 steps ahead with 80/95% intervals by one model, timed by /usr/bin/time -v (the whole process: start,
# reading, forecasting, writing). Linear scaling shows as a constant series/s and a flat peak memory.
#
# usage: benchmarks/scale/scale.sh [MODEL] [REPEATS...]   (defaults: theta 16 155 1550)
#        SCALE_OUTPUTS=DIR keeps each forecast as DIR/MODEL-xREPEATS.csv (to compare builds with cmp).
# Prints a Markdown table: series, wall seconds, CPU seconds, series/s, peak RSS MB; and the load average before
# and after each run (the figures are only comparable on an otherwise idle machine). On a busy machine two more
# columns say what the run would do alone: "CPUs wanted", the mean over the run's seconds of the CPUs its threads were
# running or waiting to run on (from /proc/PID/task/*/schedstat, sampled each second; at most 2 a second), and
# "series/s if idle", the series over its CPU seconds spread on that many cores (CPU seconds on a busy machine are
# inflated, so this is a floor of what two idle cores do if the CPU seconds are the same).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
model=${1:-theta}
shift || true
repeats=("$@")
[ ${#repeats[@]} -gt 0 ] || repeats=(16 155 1550)

out=$(mktemp -d "${TMPDIR:-/tmp}/scale.XXXXXX")
trap 'rm -rf "$out"' EXIT
cli=${ANALYTICS_CLI:-}   # a Release build of the CLI to use instead of building one
if [ -z "$cli" ]; then
  echo "building the CLI (Release)..." >&2
  dotnet build "$here/../../src/Zhibiao.Analytics.Cli" -c Release -o "$out/cli" -nologo -v q >&2
  cli=$out/cli/Zhibiao.Analytics.Cli
fi

# The CPUs a process wants, second by second: its threads' time on a CPU plus waiting in a run queue (ns, summed)
# over the elapsed time, at most 2 (the cores it could use here); the mean over its run.
wanted() {
  local pid=$1 prev=0 t0=0 now t1
  while kill -0 "$pid" 2> /dev/null; do
    now=$(cat /proc/"$pid"/task/*/schedstat 2> /dev/null | awk '{ s += $1 + $2 } END { printf "%.0f", s }')
    t1=$(date +%s%N)
    if [ "$prev" -gt 0 ] && [ "$now" -ge "$prev" ]; then echo "$(( now - prev )) $(( t1 - t0 ))"; fi
    prev=$now
    t0=$t1
    sleep 1
  done | awk '{ d = $1 / $2; if (d > 2) d = 2; s += d; n++ } END { printf "%.2f", (n > 0 ? s / n : 0) }'
}

echo "| model | series | wall s | CPU s | series/s | peak RSS MB | CPUs wanted | series/s if idle | load before → after |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---|"
for r in "${repeats[@]}"; do
  input=/tmp/m3-yearly-x$r.csv
  [ -f "$input" ] || bash "$here/make-big.sh" "$r" "$input"
  series=$(cut -d, -f1 "$input" | uniq | tail -n +2 | wc -l)
  before=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -v "$cli" forecast --input "$input" --horizon 6 --model "$model" --output "$out/forecast.csv" 2> "$out/time.txt" &
  timer=$!
  sleep 0.2
  child=$(pgrep -P "$timer" | head -1 || true)
  demand=$( [ -n "$child" ] && wanted "$child" || echo 0)
  wait "$timer"
  after=$(cut -d' ' -f1 /proc/loadavg)
  if [ -n "${SCALE_OUTPUTS:-}" ]; then mkdir -p "$SCALE_OUTPUTS"; mv "$out/forecast.csv" "$SCALE_OUTPUTS/$model-x$r.csv"; fi
  wall=$(awk -F': ' '/Elapsed/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$out/time.txt")
  cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { print s }' "$out/time.txt")
  rss=$(awk -F': ' '/Maximum resident/ { printf "%.0f", $2 / 1024 }' "$out/time.txt")
  awk -v m="$model" -v n="$series" -v w="$wall" -v c="$cpu" -v r="$rss" -v d="$demand" -v b="$before" -v a="$after" \
    'BEGIN { k = d < 1 ? 1 : d; printf "| %s | %d | %.1f | %.1f | %.0f | %s | %.2f | %.0f | %s → %s |\n", m, n, w, c, n / w, r, d, n / (c / k), b, a }'
done
