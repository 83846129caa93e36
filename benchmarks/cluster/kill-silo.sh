#!/usr/bin/env bash
# A silo process killed (SIGKILL) mid-run loses no work: three `analytics silo` processes, `forecast --cluster` of
# auto on M3 yearly repeated K times (default 10), the third silo killed a few seconds in; the output must be
# byte-identical to the one-process run with the same --partition-size. Also: an unreachable cluster is one line on
# stderr and exit 2.
# Usage: bash benchmarks/cluster/kill-silo.sh [K]   (needs ../shared/datasets/m3)
source "$(dirname "$0")/lib.sh"
K=${1:-10}
build
input=$(m3_repeated "$K")
common=(forecast --input "$input" --horizon 6 --model auto --partition-size 200)

"${ANALYTICS[@]}" "${common[@]}" --output "$WORK/kill-expected.csv"
start_silo p 21121 31010
start_silo s 21122 31011 21121
start_silo v 21123 31012 21121
"${ANALYTICS[@]}" forecast --input "$(m3_repeated 1)" --horizon 6 --model auto --cluster 127.0.0.1:31010,127.0.0.1:31011 > /dev/null # warm-up
start=$(date +%s.%N)
"${ANALYTICS[@]}" "${common[@]}" --cluster 127.0.0.1:31010,127.0.0.1:31011 --timing --output "$WORK/kill-actual.csv" &
client=$!
sleep "${KILL_AFTER:-3}"
if ! kill -0 "$client" 2>/dev/null; then echo "the run ended before the kill: use a larger K" >&2; exit 1; fi
kill -9 "$PID_v"
echo "killed silo v (pid $PID_v) $(echo "$(date +%s.%N) - $start" | bc | cut -c1-4) s into the run"
wait "$client"
echo "run finished $(echo "$(date +%s.%N) - $start" | bc | cut -c1-5) s after it started"
cmp "$WORK/kill-expected.csv" "$WORK/kill-actual.csv"
echo "output identical to the one-process run: $(($(wc -l < "$WORK/kill-actual.csv") - 1)) rows"

set +e
"${ANALYTICS[@]}" forecast --input "$input" --horizon 6 --model naive --cluster 127.0.0.1:39999 --output "$WORK/none.csv" 2> "$WORK/unreachable.err"
code=$?
set -e
test "$code" = 2 && test "$(wc -l < "$WORK/unreachable.err")" = 1 && test ! -e "$WORK/none.csv"
echo "unreachable cluster: exit $code, $(cat "$WORK/unreachable.err")"
