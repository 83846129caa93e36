#!/usr/bin/env bash
# Time of `extract`, `board` and `extract-series` on one long report of 3.5, 7 and 14 MB (issue 32: board and
# extract-series took 20 s on 7 MB and 84 s on 14 MB, quadratic; extract 3 s). The report is samples/report.txt with
# its review section and its plan section each grown to half the size by sentences of figures (different numbers on
# every line, so nothing is read once and reused). Linear time shows as a constant CPU seconds per MB. Writes
# docs/results/long-report.md; a few minutes on two busy cores. SIZES="3.5 7 14" sets the sizes in MB.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
analytics --version > /dev/null   # builds the Release CLI once (and sets ANALYTICS_CLI)
cli=$ANALYTICS_CLI

rows=$work/rows
for mb in ${SIZES:-3.5 7 14}; do
  python3 - "$mb" "$work/report-$mb.txt" <<'PY'
import sys
mb, path = float(sys.argv[1]), sys.argv[2]
lines = open("samples/report.txt", encoding="utf-8").read().splitlines()
review, plan = lines.index("一、2024年工作回顾"), lines.index("二、2025年工作安排")
def grown(i):
    return f"第{i}项工作中，地区生产总值增长{i % 9}.{i % 7}%，城镇新增就业{i % 50 + 1}万人，粮食产量{1000 + i % 997}万吨。"
size, n, body = int(mb * 1e6 / 2), 0, []
total = 0
while total < size:
    s = grown(n); body.append(s); total += len(s.encode()); n += 1
text = lines[:review + 1] + body + lines[review + 1:plan + 1] + lines[plan + 1:] + body
open(path, "w", encoding="utf-8").write("\n".join(text) + "\n")
PY
  for command in extract board extract-series; do
    /usr/bin/time -f "%e %U %S" -o "$work/time" "$cli" "$command" "$work/report-$mb.txt" > "$work/out" 2> "$work/err" \
      || { echo "error: $command on $mb MB failed: $(head -1 "$work/err")" >&2; exit 1; }
    read -r wall user sys < "$work/time"
    awk -v c="$command" -v m="$mb" -v w="$wall" -v u="$user" -v s="$sys" -v l="$(wc -l < "$work/out")" \
      'BEGIN { printf "| %s | %s | %d | %.1f | %.1f | %.2f |\n", c, m, l - 1, w, u + s, (u + s) / m }' >> "$rows"
  done
done

results_begin long-report
echo "<!-- timing -->"
echo "| command | report MB | rows out | wall s | CPU s | CPU s per MB |"
echo "|---|---:|---:|---:|---:|---:|"
sort -s -t'|' -k2,2 "$rows"
echo "<!-- /timing -->"
results_end
