#!/usr/bin/env bash
# results: fast
# What the README's first command prints for tourist arrivals (the table's row and the per-target lines):
#   dotnet run --project src/Zhibiao.Analytics.Cli -- track
# docs/getting-started.md includes it. The README shows the same lines (the P(met) line cut short with " …"): this script
# rewrites that block of README.md too, and run.sh --check fails when the README's copy is not current.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
out=$(mktemp)
trap 'rm -f "$out"' EXIT
analytics track > "$out"

results_begin quickstart
echo '```'
grep -m1 '│ indicator' "$out"
grep -m1 -A1 '│ 接待游客' "$out"
awk '/^tourist_arrivals: / { on = 1 } on && /^  note: |^[a-z_]+: / && !/^tourist_arrivals: / { exit } on' "$out"
echo '```'
results_end

if [ -z "${RESULTS_CHECK:-}" ]; then
  python3 - "$RESULTS_FILE" "$ROOT/README.md" <<'PY'
import sys
results, readme = sys.argv[1], sys.argv[2]
lines = [l.rstrip("\n") for l in open(results, encoding="utf-8")][1:]
lines = [l for l in lines if l != "```"]
block = []
for l in lines:
    if l.startswith("  P(met)"):
        block.append(l.rstrip() + " …")
        break
    block.append(l)
text = open(readme, encoding="utf-8").read()
start = text.index("```\n", text.index("The first command prints"))
end = text.index("```\n", start + 4)
text = text[:start] + "```\n" + "\n".join(block) + "\n" + text[end:]
open(readme, "w", encoding="utf-8").write(text)
print("updated README.md's quick-start output")
PY
fi
