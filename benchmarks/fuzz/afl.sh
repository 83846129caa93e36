#!/usr/bin/env bash
# Coverage-guided fuzzing of one parser with AFL++ and SharpFuzz (issue 16).
#   benchmarks/fuzz/afl.sh TARGET SECONDS
# TARGET: long-format, indicators, observations, targets, quantity, period, report, synonyms, history.
# Needs afl-fuzz (Debian: apt-get install -y afl++) and the local dotnet tools (dotnet tool restore).
# Publishes benchmarks/fuzz/Zhibiao.Analytics.Fuzz once, instruments Zhibiao.Analytics.dll with `dotnet sharpfuzz`,
# seeds the corpus from the repository's files and runs afl-fuzz for SECONDS. Findings (queue, crashes, hangs) go to
# benchmarks/fuzz/findings/TARGET (not committed); the last line prints executions and crashes from fuzzer_stats.
# The instrumented copy (out/afl) runs only under afl-fuzz; seeds and replays use the plain copy (out/plain).
# Replay a crash:  dotnet benchmarks/fuzz/out/plain/Zhibiao.Analytics.Fuzz.dll TARGET benchmarks/fuzz/findings/TARGET/default/crashes/id*
set -euo pipefail
[ $# -eq 2 ] || { sed -n 2,9p "$0"; exit 2; }
TARGET=$1 SECONDS_=$2
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
OUT=$HERE/out
export ZHIBIAO_ROOT=$ROOT
cd "$ROOT"
if [ ! -f "$OUT/.instrumented" ] || [ -n "$(find src/Zhibiao.Analytics "$HERE/Zhibiao.Analytics.Fuzz" -name '*.cs' -newer "$OUT/.instrumented" -print -quit)" ]; then
  rm -rf "$OUT"
  dotnet publish "$HERE/Zhibiao.Analytics.Fuzz" -c Release -o "$OUT/plain" -v q -nologo
  cp -r "$OUT/plain" "$OUT/afl"
  dotnet tool restore > /dev/null
  dotnet sharpfuzz "$OUT/afl/Zhibiao.Analytics.dll"
  touch "$OUT/.instrumented"
fi
SEEDS=$HERE/findings/$TARGET.seeds
FINDINGS=$HERE/findings/$TARGET
rm -rf "$SEEDS" "$FINDINGS"
dotnet "$OUT/plain/Zhibiao.Analytics.Fuzz.dll" seed "$TARGET" "$SEEDS"
# dotnet itself is not instrumented (the instrumented assembly reports coverage through SharpFuzz's shared memory).
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_AFFINITY=1
timeout --preserve-status -s INT $((SECONDS_ + 30)) \
  afl-fuzz -V "$SECONDS_" -i "$SEEDS" -o "$FINDINGS" -t 5000 -m none -- dotnet "$OUT/afl/Zhibiao.Analytics.Fuzz.dll" "$TARGET" > "$FINDINGS.log" 2>&1 || true
STATS=$FINDINGS/default/fuzzer_stats
[ -f "$STATS" ] || { tail -n 30 "$FINDINGS.log"; exit 1; }
get() { awk -F': *' -v k="$1" '$1 ~ "^"k" *$" {print $2}' "$STATS"; }
echo "$TARGET: seconds $SECONDS_, executions $(get execs_done), execs/s $(get execs_per_sec), paths $(get corpus_count), crashes $(get saved_crashes), hangs $(get saved_hangs)"
