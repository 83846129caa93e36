#!/usr/bin/env bash
# The shared reports laid out as texts reach a user (issue 29): hard-wrapped at a page width as from a PDF (breaks after
# sentence ends and colons too, never inside a number), paragraphs spaced with blank lines, ideographic indents and
# \r\n, both at once; each read under the file name report.txt. Counts the reports whose facts, main targets and region
# are those of the text as given. Needs ../shared (not in CI: not marked fast); about half a minute.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
if [ ! -d ../shared/reports ]; then echo "skipped: ../shared/reports not present"; exit 0; fi
out=$(mktemp)
trap 'rm -f "$out"' EXIT
status=0
dotnet run benchmarks/reading/reading.cs -- layouts 8 > "$out" 2>&1 || status=$?

results_begin reading-layouts
echo '`dotnet run benchmarks/reading/reading.cs -- layouts 8` over the 18 national, 25 provincial and the Xinjiang report'
echo '(a main-targets statement in 40 of them; a region in the 25 provincial ones):'
echo
grep '^|' "$out"
echo
n=$(grep -vc '^|\|^$' "$out" || true)
echo "Reports and layouts with a difference: $n (exit $status)."
if [ "$n" -gt 0 ]; then
  echo
  echo '```'
  grep -v '^|\|^$' "$out" | python3 -c 'import sys; [print(l.rstrip("\n")[:110]) for l in sys.stdin]'
  echo '```'
fi
results_end
