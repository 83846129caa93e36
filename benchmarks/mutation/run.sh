#!/usr/bin/env bash
# Mutation testing of the core library with Stryker.NET (issue 16).
#   benchmarks/mutation/run.sh FOLDER [FOLDER...]     e.g. run.sh Targets Growth   or   run.sh Forecasting/Theta
#   benchmarks/mutation/run.sh                        every folder of stryker-config.json's "mutate" (long: hours on 2 cores)
# Runs `dotnet stryker` from tests/Zhibiao.Analytics.Tests with benchmarks/mutation/stryker-config.json (perTest
# coverage, concurrency 2, additional timeout 20 s: on busy shared cores 5 s turned most Units mutants into timeouts), mutating only src/Zhibiao.Analytics/FOLDER/**. Only the library's
# unit tests count: the config's test-case-filter leaves out the CLI process tests (Tests.Cli: they start processes),
# the Browser category (chromium), and the Charts, ML and Concurrency tests, which do not test the core folders.
# Stryker compiles the whole project with its mutants first (about 4 minutes on 2 busy cores) whatever the folder, so
# several folders in one call share that cost. Units and Periods are covered by nearly every test, so their runs are
# the longest (Units: about an hour on 2 cores shared with other builds).
# Reports (html, json, markdown) go to benchmarks/mutation/output/NAME (git-ignored); the last lines print the score of
# each folder from the JSON report: killed + timeout over killed + timeout + survived + no coverage (compile errors
# and ignored mutants left out).
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
START=$SECONDS
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
echo "time: $(( (SECONDS - START) / 60 )) min $(( (SECONDS - START) % 60 )) s"
