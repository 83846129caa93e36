#!/usr/bin/env bash
# The size of each package and of its symbols, as `dotnet pack -c Release -o artifacts/feed` makes them now
# (PACKAGES=DIR measures an existing feed instead of packing). Sizes change with every change of code or dependencies,
# so they are shown with their commit and date, not compared by run.sh --check.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
feed=${PACKAGES:-}
if [ -z "$feed" ]; then
  feed=$(mktemp -d)
  trap 'rm -rf "$feed"' EXIT
  dotnet pack Analytics.sln -c Release -o "$feed" -nologo -v q > /dev/null
fi
size() { # bytes as kB or MB, one decimal for MB
  awk -v b="$1" 'BEGIN { if (b >= 1000000) printf "%.1f MB", b / 1000000; else printf "%.0f kB", b / 1000 }'
}

results_begin package-sizes
echo "<!-- timing -->"
echo "| package | .nupkg | .snupkg |"
echo "|---|---:|---:|"
for id in Zhibiao.Analytics Zhibiao.Analytics.Charts Zhibiao.Analytics.ML Zhibiao.Analytics.Orleans Zhibiao.Analytics.Import \
  Zhibiao.Analytics.Cli Zhibiao.Analytics.Cli.{linux-x64,linux-arm64,osx-x64,osx-arm64,win-x64,win-arm64}; do
  nupkg=$(ls "$feed"/$id.[0-9]*.nupkg | head -1)
  version=${nupkg##*/$id.}; version=${version%.nupkg}
  snupkg=${nupkg%.nupkg}.snupkg
  # The tool's package that only names its runtimes' packages has no symbols package.
  echo "| \`$id\` | $(size "$(stat -c %s "$nupkg")") | $([ -f "$snupkg" ] && size "$(stat -c %s "$snupkg")" || echo —) |"
done
echo
echo "Version $version; MB = 10⁶ bytes. \`dotnet tool install Zhibiao.Analytics.Cli\` takes \`Zhibiao.Analytics.Cli\` and the package of the machine's runtime."
echo "<!-- /timing -->"
results_end
