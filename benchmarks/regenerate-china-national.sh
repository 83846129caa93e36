#!/usr/bin/env bash
# Regenerates datasets/china-national from the shared national reports and diffs it with the committed one.
# Exit 0 when identical (or when ../shared is absent: skipped), 1 when they differ.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
reports="${SHARED:-$root/../shared}/reports/national"
if [ ! -d "$reports" ]; then echo "skipped: $reports not present"; exit 0; fi
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
dotnet run --project "$root/src/Zhibiao.Analytics.Cli" -c Release -- extract-series "$reports" --to-dataset "$out/china-national"
diff -r -x .analytics.lock "$root/datasets/china-national" "$out/china-national" && echo "datasets/china-national is up to date"
