#!/usr/bin/env bash
# Runs a fixed set of CLI commands with one build of the repository and writes every output into a directory, so
# that two builds can be compared byte for byte (a refactoring must not change any output):
#
#   git worktree add /tmp/base 5237e76
#   benchmarks/compare-outputs.sh /tmp/base /tmp/out-before
#   benchmarks/compare-outputs.sh .         /tmp/out-after
#   diff -r /tmp/out-before /tmp/out-after && echo identical
#
# REPO is the repository whose CLI is built (Release); the inputs always come from this script's repository
# (datasets/xinjiang and a small generated long-format file), and from ../shared when it exists (M3 yearly, the
# Xinjiang report). Exit codes and stderr are kept too (stderr without timings).
set -euo pipefail
if [ $# -ne 2 ]; then echo "usage: $0 REPO OUTPUT_DIR" >&2; exit 2; fi
here="$(cd "$(dirname "$0")/.." && pwd)"
repo="$(cd "$1" && pwd)"
out="$2"
rm -rf "$out"; mkdir -p "$out"
out="$(cd "$out" && pwd)"
bin="$(mktemp -d)"
trap 'rm -rf "$bin"' EXIT
dotnet build "$repo/src/Zhibiao.Analytics.Cli" -c Release -o "$bin" -v q -nologo >/dev/null
shared=""
for s in /work/shared "$here/../shared"; do if [ -d "$s/datasets/m3" ]; then shared="$s"; break; fi; done

# run NAME ARGS...: stdout to NAME, stderr to NAME.err, exit code to NAME.rc (run in the output directory, so files
# written by a command are named relative to it).
run() {
  local name="$1"; shift
  local rc=0
  (cd "$out" && dotnet "$bin/Zhibiao.Analytics.Cli.dll" "$@") >"$out/$name" 2>"$out/$name.err" || rc=$?
  echo "$rc" >"$out/$name.rc"
}

ds="$here/datasets/xinjiang"
run track.txt track "$ds"
run track.csv track "$ds" --format csv
run track.json track "$ds" --format json
run track-noprob.csv track "$ds" --format csv --no-probability --window 3 --preset open-sdg
run growth.csv growth tourist_arrivals "$ds" --format csv
run growth.txt growth gdp "$ds"
run chart-fan.svg chart tourist_arrivals "$ds" --output fan.svg
run chart-growth.svg chart tourist_arrivals "$ds" --kind growth --output growth.svg
run chart-targets.svg chart x "$ds" --kind targets --output targets.svg
run report.out report "$ds" --output report.html

# A small long-format file: three yearly series (growing, falling, flat with noise), generated, no randomness.
small="$out/small.csv"
{
  echo "unique_id,ds,y"
  for i in $(seq 0 19); do
    awk -v i="$i" 'BEGIN { printf "a,%d,%.4f\nb,%d,%.4f\nc,%d,%.4f\n", 2000+i, 100*1.05^i + (i%3), 2000+i, 500-7*i + (i%4), 2000+i, 50 + (i%5) - 2 }'
  done | sort -t, -k1,1 -k2,2n
} >"$small"
for m in naive drift theta ets arima auto ssa; do
  run "forecast-small-$m.csv" forecast --input "$small" --horizon 4 --model "$m" --quantiles 0.1,0.5,0.9
done
run probability-small.csv probability --input "$small" --horizon 3 --growth=-0.02,0,0.05 --paths 500
run evaluate-small.csv evaluate --train "$small" --origins 3 --horizon 2 --model naive,theta,ets --format csv
run backtest-small.txt backtest-targets --train "$small" --test "$small" --horizon 2 --growth 0,0.03 --paths 300

if [ -n "$shared" ]; then
  m3="$shared/datasets/m3"
  for m in theta ets auto; do
    run "forecast-m3y-$m.csv" forecast --input "$m3/m3-yearly-train.csv" --horizon 6 --model "$m"
  done
  run probability-m3y.csv probability --input "$m3/m3-yearly-train.csv" --horizon 6 --growth 0,0.03,0.06 --paths 500
  run evaluate-m3y.csv evaluate --train "$m3/m3-yearly-train.csv" --test "$m3/m3-yearly-test.csv" --horizon 6 --model theta,ets,auto --format csv
  run extract.csv extract "$shared/reports/xinjiang-2025-gwr.txt" --format csv
  run extract.json extract "$shared/reports/xinjiang-2025-gwr.txt" --format json
  reports="$shared/reports"
  run track-national.txt track "$here/datasets/china-national"
  run track-national.csv track "$here/datasets/china-national" --format csv
  run backtest-reports.txt backtest-reports "$reports/national" --from 2004 --to 2015
  run backtest-reports.csv backtest-reports "$reports/national" --format csv
  run board.csv board "$reports/provinces-2026" --format csv
  run backtest-board.txt backtest-board
  run extract-series.out extract-series "$reports/national" --to-dataset national-dataset
  run extract-series-provinces.out extract-series "$reports/provinces-2026/zhejiang-2026.txt" "$reports/provinces-2026/anhui-2026.txt" --to-dataset zj-dataset
fi
echo "outputs in $out ($(ls "$out" | wc -l) files)"
