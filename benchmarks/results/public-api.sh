#!/usr/bin/env bash
# results: fast
# Public types and members of each library package, as built now (reflection over the Release build):
#   dotnet run benchmarks/public-api-count.cs -- BIN/Zhibiao.Analytics.dll BIN/Zhibiao.Analytics.Charts.dll …
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
analytics --version > /dev/null   # builds the CLI, whose output folder holds every library
bin=$(dirname "$ANALYTICS_CLI")
counts=$(dotnet run benchmarks/public-api-count.cs -- "$bin/Zhibiao.Analytics.dll" "$bin/Zhibiao.Analytics.Charts.dll" \
  "$bin/Zhibiao.Analytics.ML.dll" "$bin/Zhibiao.Analytics.Orleans.dll" "$bin/Zhibiao.Analytics.Import.dll")

results_begin public-api
echo "| package | public types | public members | internal top-level types |"
echo "|---|---:|---:|---:|"
printf '%s\n' "$counts" | sed -E 's/^([^:]+): ([0-9]+) public types, ([0-9]+) public members, ([0-9]+) internal top-level types$/| `\1` | \2 | \3 | \4 |/'
results_end
