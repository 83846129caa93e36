#!/usr/bin/env bash
# Regenerates datasets/china-provinces-2026 from the 25 shared provincial 2026 reports and diffs it with the committed one.
# Exit 0 when identical (or when ../shared is absent: skipped), 1 when they differ.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
reports="${SHARED:-$root/../shared}/reports/provinces-2026"
if [ ! -d "$reports" ]; then echo "skipped: $reports not present"; exit 0; fi
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
dotnet run --project "$root/src/Zhibiao.Analytics.Cli" -c Release -- board "$reports" --national "$root/datasets/china-national" --format csv --to-dataset "$out/china-provinces-2026" > /dev/null
diff -r -x .analytics.lock "$root/datasets/china-provinces-2026" "$out/china-provinces-2026" && echo "datasets/china-provinces-2026 is up to date"
