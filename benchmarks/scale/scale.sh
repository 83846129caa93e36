#!/usr/bin/env bash
# Throughput and peak memory of `analytics forecast` as the number of series grows: M3 yearly's training series
# repeated 16, 155 and 1550 times (10,320, 99,975 and 999,750 series; make-big.sh writes them into /tmp), each
# forecast 6 steps ahead with 80/95% intervals by one model, timed by /usr/bin/time -v (the whole process: start,
# reading, forecasting, writing). Linear scaling shows as a constant series/s and a flat peak memory.
#
# usage: benchmarks/scale/scale.sh [MODEL] [REPEATS...]   (defaults: theta 16 155 1550)
# Prints a Markdown table: series, wall seconds, CPU seconds, series/s, peak RSS MB; and the load average before
# and after each run (the figures are only comparable on an otherwise idle machine).
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

echo "| model | series | wall s | CPU s | series/s | peak RSS MB | load before → after |"
echo "|---|---:|---:|---:|---:|---:|---|"
for r in "${repeats[@]}"; do
  input=/tmp/m3-yearly-x$r.csv
  [ -f "$input" ] || bash "$here/make-big.sh" "$r" "$input"
  series=$(cut -d, -f1 "$input" | uniq | tail -n +2 | wc -l)
  before=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -v "$cli" forecast --input "$input" --horizon 6 --model "$model" --output "$out/forecast.csv" 2> "$out/time.txt"
  after=$(cut -d' ' -f1 /proc/loadavg)
  wall=$(awk -F': ' '/Elapsed/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$out/time.txt")
  cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { print s }' "$out/time.txt")
  rss=$(awk -F': ' '/Maximum resident/ { printf "%.0f", $2 / 1024 }' "$out/time.txt")
  awk -v m="$model" -v n="$series" -v w="$wall" -v c="$cpu" -v r="$rss" -v b="$before" -v a="$after" \
    'BEGIN { printf "| %s | %d | %.1f | %.1f | %.0f | %s | %s → %s |\n", m, n, w, c, n / w, r, b, a }'
done
