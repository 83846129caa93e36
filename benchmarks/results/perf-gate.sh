#!/usr/bin/env bash
# Writes docs/results/perf-gate.md and docs/results/perf-gate.json: the performance gate's ratios (benchmarks/perf-gate.cs,
# as CI runs it: speed ratios measured in one run against benchmarks/perf-gate-baseline.json, each workload's CPU time
# per series over theta's), with the commit, machine and load average. Needs nothing outside the repository; about 30
# seconds on an idle two-core machine. REBASE=1 also rewrites the baseline from this run (after a reviewed change).
set -euo pipefail
cd "$(dirname "$0")/../.."
mkdir -p docs/results
extra=()
[ "${REBASE:-0}" = 1 ] && extra+=(--write-baseline)
dotnet run -c Release benchmarks/perf-gate.cs -- --rounds 9 --baseline benchmarks/perf-gate-baseline.json \
  --json docs/results/perf-gate.json --markdown docs/results/perf-gate.md "${extra[@]}"
echo "wrote docs/results/perf-gate.md and docs/results/perf-gate.json"
