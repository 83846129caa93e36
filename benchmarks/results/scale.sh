#!/usr/bin/env bash
# Throughput and peak memory of `analytics forecast` on M3 yearly's training series repeated N times
# (benchmarks/scale/scale.sh; the data need ../shared/datasets/m3 or ANALYTICS_M3). Slow: the default runs
# theta on about 10k, 200k and 1M series and auto on about 10k and 200k (a few minutes on an idle 2-core machine;
# AUTO_REPEATS="16 310 1550" adds auto on a million, about 10 minutes more). Times, not compared by run.sh --check.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
analytics --version > /dev/null   # builds the Release CLI once
tables=$(mktemp)
trap 'rm -f "$tables"' EXIT
# shellcheck disable=SC2086
ANALYTICS_CLI=$ANALYTICS_CLI bash benchmarks/scale/scale.sh theta ${THETA_REPEATS:-16 310 1550} > "$tables"
# shellcheck disable=SC2086
ANALYTICS_CLI=$ANALYTICS_CLI bash benchmarks/scale/scale.sh auto ${AUTO_REPEATS:-16 310} | tail -n +3 >> "$tables"

results_begin scale
echo "<!-- timing -->"
cat "$tables"
echo "<!-- /timing -->"
results_end
