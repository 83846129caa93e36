#!/usr/bin/env bash
# Regenerates the figures the docs show, or checks that they are current.
#
#   benchmarks/results/run.sh [NAME...]               runs benchmarks/results/NAME.sh (default: every script here);
#                                                      each writes docs/results/NAME.md (or redraws docs/images/)
#   benchmarks/results/run.sh --fast                   only the scripts marked "# results: fast" (seconds each)
#   benchmarks/results/run.sh --check [--fast] [NAME...]
#                                                      runs them into a temporary folder and fails when a committed
#                                                      figure differs: each docs/results/NAME.md line by line, except
#                                                      its header and footer lines and the parts between <!-- timing --> and
#                                                      <!-- /timing --> (times and sizes, shown with their date and
#                                                      machine, not compared); each image of docs/images byte for
#                                                      byte; and the README's quick-start output against quickstart.md.
# After a change that moves a figure: run the script named in the failure and commit docs/results (and docs/images).
# Pages include a results file with [!INCLUDE [NAME](results/NAME.md)] and quote the script that writes it.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$here/../.." && pwd)
check=false fast=false names=()
for a in "$@"; do
  case $a in
    --check) check=true ;;
    --fast) fast=true ;;
    -*) echo "error: unknown option $a (see the header of $0)" >&2; exit 2 ;;
    *) names+=("$a") ;;
  esac
done
if [ ${#names[@]} -eq 0 ]; then
  for s in "$here"/*.sh; do
    n=$(basename "$s" .sh)
    case $n in lib|run) continue ;; esac
    if $fast && ! grep -q '^# results: fast' "$s"; then continue; fi
    names+=("$n")
  done
fi

source "$here/lib.sh"   # results_figures: the compared part of a results file

if ! $check; then
  for n in "${names[@]}"; do
    [ -f "$here/$n.sh" ] || { echo "error: no script benchmarks/results/$n.sh" >&2; exit 2; }
    echo "== $n"; bash "$here/$n.sh"
  done
  exit 0
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=()
for n in "${names[@]}"; do
  [ -f "$here/$n.sh" ] || { echo "error: no script benchmarks/results/$n.sh" >&2; exit 2; }
  start=$SECONDS
  mkdir -p "$tmp/$n/results" "$tmp/$n/images"
  RESULTS_CHECK=1 RESULTS_DIR=$tmp/$n/results IMAGES_DIR=$tmp/$n/images bash "$here/$n.sh" > "$tmp/$n/log" 2>&1 || { cat "$tmp/$n/log"; failed+=("$n (the script failed)"); continue; }
  for f in "$tmp/$n/results"/*.md; do
    [ -e "$f" ] || continue
    committed=$ROOT/docs/results/$(basename "$f")
    if [ ! -f "$committed" ]; then failed+=("$n: docs/results/$(basename "$f") is not committed"); continue; fi
    if ! diff -u --label "committed docs/results/$(basename "$f")" --label "now" <(results_figures "$committed") <(results_figures "$f"); then
      failed+=("$n: docs/results/$(basename "$f") differs")
    fi
  done
  for f in "$tmp/$n/images"/*; do
    [ -e "$f" ] || continue
    committed=$ROOT/docs/images/$(basename "$f")
    if ! cmp -s "$committed" "$f"; then failed+=("$n: docs/images/$(basename "$f") differs from what the code draws now"); fi
  done
  if [ "$n" = quickstart ]; then
    # Every line of the README's quick-start output (a trailing " …" marks a line cut short) is in the output now.
    block=$(awk '/^The first command prints/ { on = 1 } on && /^```$/ { if (inside) exit; inside = 1; next } inside' "$ROOT/README.md")
    [ -n "$block" ] || failed+=("quickstart: README.md has no output block after \"The first command prints\"")
    while IFS= read -r line; do
      [ -n "$line" ] || continue
      prefix=${line% …}
      if ! grep -qF -- "$prefix" "$tmp/$n/results/quickstart.md"; then
        echo "README.md quick-start line not in the output now: $line"
        failed+=("quickstart: README.md's output block is stale")
      fi
    done <<< "$block"
  fi
  echo "== $n: checked ($((SECONDS - start)) s)"
done
if [ ${#failed[@]} -gt 0 ]; then
  printf 'stale: %s\n' "${failed[@]}"
  echo "regenerate with: bash benchmarks/results/run.sh NAME, and commit what it rewrites (docs/results, docs/images, README.md's quick-start block)"
  exit 1
fi
echo "results current: ${names[*]}"
