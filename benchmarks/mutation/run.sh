#!/usr/bin/env bash
# Mutation testing of the core library with Stryker.NET (issue 16).
#   benchmarks/mutation/run.sh FOLDER [FOLDER...]     e.g. run.sh Targets Growth   or   run.sh Forecasting/Theta
#   benchmarks/mutation/run.sh                        every folder of stryker-config.json's "mutate" (long: hours on 2 cores)
# Runs `dotnet stryker` from tests/Zhibiao.Analytics.Tests with benchmarks/mutation/stryker-config.json (perTest
# coverage, concurrency 2), mutating only src/Zhibiao.Analytics/FOLDER/**. Reports (html, json, markdown) go to
# benchmarks/mutation/output/NAME (not committed); the last lines print the score of each folder from the JSON report:
# killed + timeout over killed + timeout + survived + no coverage (compile errors and ignored mutants left out).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
cd "$ROOT"
dotnet tool restore > /dev/null
FOLDERS=("$@")
[ ${#FOLDERS[@]} -gt 0 ] || FOLDERS=(Units Periods Observations Growth Targets Tracking Probability Evaluation Forecasting/Baselines Forecasting/Theta)
NAME=$(printf '%s+' "${FOLDERS[@]}" | tr / - | sed 's/+$//')
OUT=$HERE/output/$NAME
MUTATE=()
for f in "${FOLDERS[@]}"; do
  [ -d "src/Zhibiao.Analytics/$f" ] || { echo "no folder src/Zhibiao.Analytics/$f" >&2; exit 2; }
  MUTATE+=(--mutate "**/$f/**/*.cs")
done
rm -rf "$OUT"
(cd tests/Zhibiao.Analytics.Tests && dotnet stryker --config-file "$HERE/stryker-config.json" "${MUTATE[@]}" --output "$OUT")
REPORT=$(find "$OUT" -name mutation-report.json | head -n 1)
python3 - "$REPORT" "${FOLDERS[@]}" <<'PY'
import json, sys
report, folders = json.load(open(sys.argv[1])), sys.argv[2:]
for folder in folders:
    n = {}
    for path, f in report["files"].items():
        if f"/Zhibiao.Analytics/{folder}/" in path.replace("\\", "/"):
            for m in f["mutants"]:
                n[m["status"]] = n.get(m["status"], 0) + 1
    detected = n.get("Killed", 0) + n.get("Timeout", 0)
    valid = detected + n.get("Survived", 0) + n.get("NoCoverage", 0)
    score = f"{100 * detected / valid:.1f}%" if valid else "n/a"
    print(f"{folder}: score {score} (killed {n.get('Killed', 0)}, timeout {n.get('Timeout', 0)}, survived {n.get('Survived', 0)}, no coverage {n.get('NoCoverage', 0)}, compile errors {n.get('CompileError', 0)}, ignored {n.get('Ignored', 0)})")
PY
