#!/usr/bin/env bash
# Rewrites each library package's PublicAPI.Unshipped.txt as its public API less PublicAPI.Shipped.txt, with the code
# fix of Microsoft.CodeAnalysis.PublicApiAnalyzers (RS0016); the build then fails on any public change not declared
# (RS0016, RS0017). Run after a reviewed API change and commit the diff; at a release, move the Unshipped lines into
# PublicAPI.Shipped.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
for p in Zhibiao.Analytics Zhibiao.Analytics.Charts Zhibiao.Analytics.ML Zhibiao.Analytics.Orleans Zhibiao.Analytics.Import; do
  printf '#nullable enable\n' > "src/$p/PublicAPI.Unshipped.txt"
  dotnet format analyzers "src/$p/$p.csproj" --diagnostics RS0016 RS0037 --severity info
done
git diff --stat -- 'src/*/PublicAPI.*.txt'
