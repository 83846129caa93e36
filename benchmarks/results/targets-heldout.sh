#!/usr/bin/env bash
# P(met) on years outside ../shared (docs/targets.md, issue 28): datasets/china-national with the national targets of
# 2017–2024 and the first-published outcomes of 2016–2023 typed by hand (benchmarks/targets-heldout) appended, judged
# walk-forward by `analytics backtest-reports DIR` and, as the board judges, by `analytics backtest-board --national DIR`,
# over 2016–2024, 2016–2019 and 2020–2024. Needs nothing outside the repository; about a minute on two cores.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
analytics --version > /dev/null   # builds the Release CLI once
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cp -r datasets/china-national "$tmp/national-2024"
for f in target-history observations; do tail -n +2 "benchmarks/targets-heldout/$f.csv" >> "$tmp/national-2024/$f.csv"; done
for p in "2016 2024" "2016 2019" "2020 2024"; do
  set -- $p
  analytics backtest-reports "$tmp/national-2024" --from "$1" --to "$2" > "$tmp/heldout-$1-$2.txt"
  analytics backtest-board --national "$tmp/national-2024" --from "$1" --to "$2" > "$tmp/heldout-board-$1-$2.txt"
done

results_begin targets-heldout
echo 'The reports of 2017–2025 are not in `../shared`. `benchmarks/targets-heldout` holds, typed by hand from the published'
echo 'government work reports and statistical communiqués, the main targets they set for 2017–2024 and the first-published'
echo 'outcomes of 2016–2023; appended to `datasets/china-national`, `analytics backtest-reports DIR --from A --to B` judges'
echo 'them walk-forward exactly as `track` judges the dataset. Nothing in the model was chosen on these years:'
echo
target_scores "2016–2024|2016–2019|2020–2024" "$tmp/heldout-2016-2024.txt" "$tmp/heldout-2016-2019.txt" "$tmp/heldout-2020-2024.txt"
echo
echo 'Each method against P(met) on the same targets, 2016–2024 (mean difference ± standard error clustered by year: the targets'
echo 'of one year share one economy). A difference within about two standard errors of zero is not established by these'
echo 'few targets:'
echo
target_differences "$tmp/heldout-2016-2024.txt"
echo
echo '```'
sed -n '/^reliability of p_met/,$p' "$tmp/heldout-2016-2024.txt"
echo '```'
echo
echo 'The board'"'"'s composition on the same years (`analytics backtest-board --national DIR --from A --to B`):'
echo
target_scores "2016–2024|2016–2019|2020–2024" "$tmp/heldout-board-2016-2024.txt" "$tmp/heldout-board-2016-2019.txt" "$tmp/heldout-board-2020-2024.txt"
results_end
