#!/usr/bin/env bash
# The held-out check of issue 29 as the project can run it: reports written for the tests (never copied from a report),
# of regions and in styles the reader was not written on, with their main targets and every fact typed by hand before
# the reader was run on them (tests/…/Extraction/Fixtures/heldout-h: five reports, the eighth batch; …/heldout-g: five, the seventh; …/heldout-f: five, the sixth; …/heldout-e: five, the fifth;
# …/heldout-d: four, the fourth; …/heldout-c: three, the third; …/heldout: six,
# the second; …/unseen: five, the first). Per report: the region read from the text (under the file name report.txt), the main targets found of those
# typed, the facts exactly as typed (every field) and as ../shared/peers/extract_score.py matches them (kind, unit and
# value in the same span or sentence), with the share of those whose period agrees. Needs no ../shared; about a minute
# (not marked fast: it builds benchmarks/reading/reading.cs; the unit suite's UnseenReportTests hold the same figures).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
out=$(mktemp)
trap 'rm -f "$out"' EXIT
dotnet run benchmarks/reading/reading.cs -- heldout > "$out" 2>&1

results_begin reading-heldout
echo '`dotnet run benchmarks/reading/reading.cs -- heldout` (main targets: indicator, wording, value and bound as typed;'
echo 'exact F1: every field of a fact as typed; scorer F1: as `../shared/peers/extract_score.py` matches facts):'
echo
grep '^|' "$out"
echo
grep '^[0-9]* reports:' "$out"
if grep -q '^[^ |]*: \(main target \|fact \|region \)' "$out"; then
  echo
  echo 'Differences from the hand-typed figures:'
  echo
  echo '```'
  grep '^[^ |]*: \(main target \|fact \|region \)' "$out"
  echo '```'
fi
results_end
