#!/usr/bin/env bash
# results: fast
# What the README tour's commands print on the repository's own samples (samples/long, samples/report.txt):
# accuracy, probabilities and the extracted facts, the same on every run of a commit.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

results_begin tour
echo '`analytics evaluate --train samples/long/yearly-train.csv --test samples/long/yearly-test.csv --horizon 4 --model auto,theta,ets,naive2 --level 95`:'
echo
echo '```'
analytics evaluate --train samples/long/yearly-train.csv --test samples/long/yearly-test.csv --horizon 4 --model auto,theta,ets,naive2 --level 95
echo '```'
echo
echo '`analytics forecast --input samples/long/yearly-train.csv --horizon 4 --output forecast.csv`, the first rows (values'
echo 'rounded here to one decimal):'
echo
analytics forecast --input samples/long/yearly-train.csv --horizon 4 --output "$work/forecast.csv"
echo '```'
head -3 "$work/forecast.csv" | python3 -c '
import csv, sys
w = csv.writer(sys.stdout, lineterminator="\n")
for i, row in enumerate(csv.reader(sys.stdin)):
    w.writerow(row if i == 0 else row[:4] + [f"{float(v):.1f}" for v in row[4:]])'
echo '```'
echo
echo '`analytics probability --input samples/long/yearly-train.csv --horizon 4 --growth=0,0.05 --output p.csv`, the first rows:'
echo
analytics probability --input samples/long/yearly-train.csv --horizon 4 --growth=0,0.05 --output "$work/p.csv"
echo '```'
head -5 "$work/p.csv"
echo '```'
echo
echo '`analytics backtest-targets --train samples/long/yearly-train.csv --test samples/long/yearly-test.csv --horizon 4 --growth=0,0.03,0.05`:'
echo
echo '```'
analytics backtest-targets --train samples/long/yearly-train.csv --test samples/long/yearly-test.csv --horizon 4 --growth=0,0.03,0.05
echo '```'
echo
echo '`analytics extract samples/report.txt`:'
echo
echo '```'
analytics extract samples/report.txt
echo '```'
results_end
