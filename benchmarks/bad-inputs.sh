#!/usr/bin/env bash
# Runs the analytics CLI on bad and edge inputs and prints a Markdown table: case, exit code, first stderr line.
# Usage: benchmarks/bad-inputs.sh [path/to/Zhibiao.Analytics.Cli.dll]  (build first: dotnet build Analytics.sln)
# Every case must exit 0/1 (accepted) or 2 (one-line error); exit 70 (internal error) is a defect.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DLL=${1:-$ROOT/src/Zhibiao.Analytics.Cli/bin/Debug/net10.0/Zhibiao.Analytics.Cli.dll}
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
cd "$T"
# Small inputs, generated here.
printf 'unique_id,ds,y\n' > y.csv; for i in $(seq 1970 1988); do echo "a,$i,$((100 + i % 7 * 3 + (i - 1970) * 5))" >> y.csv; done
printf 'unique_id,ds,y\n' > end9999.csv; for i in $(seq 9985 9999); do echo "a,$i,$((100 + i % 5 + (i - 9985) * 4))" >> end9999.csv; done
printf 'unique_id,ds,y\n' > test.csv; for i in 1989 1990 1991; do echo "a,$i,200" >> test.csv; done
printf 'unique_id,ds,y\n' > shifted.csv; for i in 1994 1995 1996; do echo "a,$i,200" >> shifted.csv; done
printf 'unique_id,ds,y\n' > overlap.csv; for i in 1986 1987 1988; do echo "a,$i,200" >> overlap.csv; done
printf 'unique_id,ds,y\n' > huge.csv; for i in $(seq 1970 1988); do echo "a,$i,1.$((i % 7))e308" >> huge.csv; done
printf 'unique_id,ds,y\n' > latin1.csv; for i in $(seq 1970 1988); do printf 'caf\xe9,%s,%s\n' $i $((100 + i)) >> latin1.csv; done
printf 'unique_id,ds,y\n' > nul.csv; for i in $(seq 1970 1988); do printf 'a\x00b,%s,%s\n' $i $((100 + i)) >> nul.csv; done
printf 'unique_id,ds,y\n' > year19.csv; for i in $(seq 10 30); do echo "a,$i,$((100 + i))" >> year19.csv; done
{ printf 'unique_id,ds,y\na,1970,'; head -c 5000000 /dev/zero | tr '\0' 7; } > long.csv
cp -r "$ROOT/datasets/xinjiang" ds
cp -r ds ds19; sed -i '2s/,2024,/,19,/' ds19/observations.csv
cp -r ds dsgbk; printf 'agri_rural_funds,2023,level,1000,\xd2\xda\xd4\xaa,exact,x,,\n' >> dsgbk/observations.csv
cp -r ds dsneg; echo 'tourist_arrivals,2026,-1.5,亿人次,level,at_least,x,,,' >> dsneg/targets.csv
head -c 3000 /dev/urandom > binary.csv
printf '2024年工作回顾\n全年铁路货物发送量2.37亿吨、增长10.6%%。\n2025年工作安排\n力争接待游客3.2亿人次。\n' > report.txt
cp -r ds dsdir; rm dsdir/targets.csv; mkdir dsdir/targets.csv
mkdir outdir
CLI() { dotnet "$DLL" "$@"; }
echo '| # | case | command | exit | stderr (first line, 160 chars) |'
echo '|---|---|---|---|---|'
n=0
run() {  # run "description" args...
  local what=$1; shift; n=$((n + 1))
  CLI "$@" > out.txt 2> err.txt; local rc=$?
  local msg; msg=$(head -n 1 err.txt | cut -c1-160 | sed 's/|/\\|/g')
  local lines; lines=$(wc -l < err.txt)
  [ "$lines" -gt 1 ] && msg="$msg (+$((lines - 1)) lines)"
  echo "| $n | $what | \`analytics $(echo "$*" | cut -c1-90 | sed 's/|/\\|/g')\` | $rc | $msg |"
}
run "horizon 9000 on data ending 1988" forecast --input y.csv --horizon 9000 --model naive
run "series ending in 9999" forecast --input end9999.csv --horizon 3 --model naive
run "horizon 0" forecast --input y.csv --horizon 0
run "horizon 10001" forecast --input y.csv --horizon 10001
run "duplicate --level 80 --level 80" forecast --input y.csv --horizon 2 --model naive --level 80 --level 80
run "duplicate --level 80 --level 80.0" forecast --input y.csv --horizon 2 --model naive --level 80 --level 80.0
run "level 100" forecast --input y.csv --horizon 2 --model naive --level 100
run "duplicate --quantiles 0.5,0.5" forecast --input y.csv --horizon 2 --model naive --quantiles 0.5,0.5
run "quantiles empty element" forecast --input y.csv --horizon 2 --model naive --quantiles 0.5,,0.9
run "evaluate duplicate levels" evaluate --train y.csv --test test.csv --horizon 3 --model naive --level 80 --level 80
run "--output is a directory (forecast)" forecast --input y.csv --horizon 2 --model naive --output outdir
run "--output in a missing directory" forecast --input y.csv --horizon 2 --model naive --output nodir/out.csv
run "--output is a directory (probability)" probability --input y.csv --horizon 2 --growth 0.05 --model naive --output outdir
run "--output is a directory (report)" report ds --output outdir
run "--output is a directory (chart)" chart ds --output outdir
run "track --window 1000000" track ds --window 1000000 --no-probability
run "track --window 0" track ds --window 0 --no-probability
run "backtest-targets test shifted 5 years" backtest-targets --train y.csv --test shifted.csv --horizon 3 --growth 0.05 --model naive
run "backtest-targets test overlapping training" backtest-targets --train y.csv --test overlap.csv --horizon 3 --growth 0.05 --model naive
run "5 MB value without newline" forecast --input long.csv --horizon 2 --model naive
run "long format in Latin-1" forecast --input latin1.csv --horizon 2 --model naive
run "NUL byte in an id" forecast --input nul.csv --horizon 2 --model naive
run "long format year 19" forecast --input year19.csv --horizon 2 --model naive
run "observations.csv period 19" track ds19 --no-probability
run "GBK observations.csv" track dsgbk --no-probability
run "negative level target" track dsneg --no-probability
run "probability --growth=1e308" probability --input y.csv --horizon 2 --growth=1e308 --model naive
run "probability --growth=-1" probability --input y.csv --horizon 2 --growth=-1 --model naive
run "probability --growth=0.05,0.05" probability --input y.csv --horizon 2 --growth=0.05,0.05 --model naive
run "probability --growth= --model theta" probability --input y.csv --horizon 2 --growth= --model theta
run "values near 1e308 with ets" forecast --input huge.csv --horizon 2 --model ets
run "values near 1e308 with theta" forecast --input huge.csv --horizon 2 --model theta
run "binary long-format file" forecast --input binary.csv --horizon 2 --model naive
run "binary synonyms file" extract report.txt --to-dataset ds --synonyms binary.csv
run "binary history file" import-history binary.csv --to-dataset ds
run "missing input file" forecast --input missing.csv --horizon 2
run "input is a directory" forecast --input outdir --horizon 2
run "dataset targets.csv is a directory" extract report.txt --to-dataset dsdir
run "extract of a binary report" extract binary.csv
run "unknown model" forecast --input y.csv --horizon 2 --model nosuch
