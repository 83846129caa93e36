#!/usr/bin/env bash
# Accuracy of `auto`, each of its members and naive2 on the nine collections auto's recipe is chosen on
# (docs/forecasting.md): M3 yearly, quarterly, monthly, other; tourism quarterly, monthly; M1 yearly, quarterly, monthly.
# One `analytics evaluate` per collection (hold-out: the test files; 95% intervals), its CSV rows prefixed with the
# collection, then a markdown table of sMAPE, MASE, MAPE, 95% coverage, MSIS and OWA.
#
# usage: benchmarks/collections.sh [OUT.csv] [THREADS]     (default out: collections.csv in a temporary directory)
#   MODELS=auto,ets benchmarks/collections.sh ...         other models (default auto,ets,theta,dotm,drift,arima,snaive,global,naive2)
#   SETS="m3-yearly tourism-quarterly" ...                  fewer collections
#   ANALYTICS_CLI=path/to/Zhibiao.Analytics.Cli ...         a CLI already built (Release)
# Data: shared/datasets/{m3,tourism,m1} beside an ancestor of the repository ($ANALYTICS_DATASETS to override), read
# as they are (series of unknown start year, numbered 1-Q4, 2-Q1, 1-01, ..., are periods of the long format).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
set_name=yearly
source "$root/benchmarks/m3-set.sh"
datasets=${ANALYTICS_DATASETS:-$(find_shared datasets)}
out=${1:-}
threads=${2:-2}
models=${MODELS:-auto,ets,theta,dotm,drift,arima,snaive,global,naive2}
sets=${SETS:-"m3-yearly m3-quarterly m3-monthly m3-other tourism-quarterly tourism-monthly m1-yearly m1-quarterly m1-monthly"}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/collections.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
[ -n "$out" ] || out=$tmp/collections.csv
cli=${ANALYTICS_CLI:-}   # a Release build of the CLI to use instead of building one
if [ -z "$cli" ]; then
  echo "building the CLI (Release)..." >&2
  dotnet build "$root/src/Zhibiao.Analytics.Cli" -c Release -o "$tmp/cli" -nologo -v q >&2
  cli=$tmp/cli/Zhibiao.Analytics.Cli
fi

: > "$out"
for c in $sets; do
  family=${c%%-*}
  case $c in
    *-yearly) h=6 ;; *-other|*-quarterly) h=8 ;; tourism-monthly) h=24 ;; *-monthly) h=18 ;;
    *) echo "unknown collection $c" >&2; exit 2 ;;
  esac
  train=$datasets/$family/$c-train.csv; test=$datasets/$family/$c-test.csv
  echo "$c (h = $h)..." >&2
  rc=0
  "$cli" evaluate --train "$train" --test "$test" --horizon "$h" --model "$models" --level 95 --threads "$threads" \
    --format csv > "$tmp/$c.csv" 2> "$tmp/$c.log" || rc=$?
  if [ "$rc" -gt 1 ]; then cat "$tmp/$c.log" >&2; exit 1; fi
  if [ ! -s "$out" ]; then sed -n '1s/^/collection,/p' "$tmp/$c.csv" >> "$out"; fi
  sed "1d; s/^/$c,/" "$tmp/$c.csv" >> "$out"
done

# markdown: one row per collection and model
awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; print "| collection | model | sMAPE | MASE | MAPE | coverage 95% | MSIS 95% | OWA |"; print "|---|---|---|---|---|---|---|---|"; next }
  { printf "| %s | %s | %.2f | %.3f | %.2f | %.3f | %.2f | %.3f |\n", $col["collection"], $col["model"], $col["smape"], $col["mase"], $col["mape"], $col["coverage-95"], $col["msis-95"], $col["owa"] }' "$out"
echo "rows written to $out" >&2
