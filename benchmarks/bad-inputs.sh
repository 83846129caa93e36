#!/usr/bin/env bash
# Runs the analytics CLI on bad and edge inputs and prints a Markdown table: case, exit code, first stderr line, and
# for the cases that must leave files alone or write through, whether they did (the "files" column: a shell check run
# after the command; "yes" means it held).
# Usage: benchmarks/bad-inputs.sh [path/to/Zhibiao.Analytics.Cli.dll]  (build first: dotnet build Analytics.sln)
# benchmarks/results/bad-inputs.sh writes the table into docs/results/bad-inputs.md (included by docs/reliability.md).
# Every case must exit 0/1 (accepted) or 2 (one-line error); exit 70 (internal error) is a defect.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DLL=${1:-$ROOT/src/Zhibiao.Analytics.Cli/bin/Debug/net10.0/Zhibiao.Analytics.Cli.dll}
T=$(mktemp -d); trap 'chmod -R u+w "$T"; rm -rf "$T"' EXIT
cd "$T"
# Small inputs, generated here.
printf 'unique_id,ds,y\n' > y.csv; for i in $(seq 1970 1988); do echo "a,$i,$((100 + i % 7 * 3 + (i - 1970) * 5))" >> y.csv; done
printf 'unique_id,ds,y\n' > end9999.csv; for i in $(seq 9985 9999); do echo "a,$i,$((100 + i % 5 + (i - 9985) * 4))" >> end9999.csv; done
printf 'unique_id,ds,y\n' > test.csv; for i in 1989 1990 1991; do echo "a,$i,200" >> test.csv; done
printf 'unique_id,ds,y\n' > shifted.csv; for i in 1994 1995 1996; do echo "a,$i,200" >> shifted.csv; done
printf 'unique_id,ds,y\n' > overlap.csv; for i in 1986 1987 1988; do echo "a,$i,200" >> overlap.csv; done
printf 'unique_id,ds,y\n' > huge.csv; for i in $(seq 1970 1988); do echo "a,$i,1.$((i % 7))e308" >> huge.csv; done
printf 'unique_id,ds,y\n' > latin1.csv; for i in $(seq 1970 1988); do printf 'caf\xe9,%s,%s\n' $i $((100 + i)) >> latin1.csv; done
printf 'unique_id,ds,y\n' > nul.csv; for i in $(seq 1970 1988); do printf 'a\x00b,%s,%s\n' $i $((100 + i)) >> nul.csv; done
printf 'unique_id,ds,y\n' > year19.csv; for i in $(seq 10 30); do echo "a,$i,$((100 + i))" >> year19.csv; done
printf 'unique_id,ds,y\n' > zero.csv; for i in $(seq 2000 2007); do echo "z,$i,$((2007 - i))" >> zero.csv; done
{ cat y.csv; tail -n +2 y.csv | sed 's/^a,/b,/'; } > two.csv
{ printf 'unique_id,ds,y\na,1970,'; head -c 5000000 /dev/zero | tr '\0' 7; } > long.csv
cp -r "$ROOT/datasets/xinjiang" ds
cp -r ds ds19; sed -i '2s/,2024,/,19,/' ds19/observations.csv
cp -r ds dsgbk; printf 'agri_rural_funds,2023,level,1000,\xd2\xda\xd4\xaa,exact,x,,\n' >> dsgbk/observations.csv
cp -r ds dsneg; echo 'tourist_arrivals,2026,-1.5,亿人次,level,at_least,x,,,' >> dsneg/targets.csv
cp -r ds dsbig; echo 'tourist_arrivals,2027,1e305,亿人次,level,at_least,x,,,' >> dsbig/targets.csv
cp -r ds dshuge; echo 'tourist_arrivals,2027,1e300,亿人次,level,at_least,x,,,' >> dshuge/targets.csv
cp -r ds ds9999; echo 'tourist_arrivals,9999,12.5,亿人次,level,at_most,x,,,' >> ds9999/targets.csv
cp -r ds dsw
python3 -c "import random, sys; r = random.Random(7); sys.stdout.buffer.write(bytes(r.randrange(256) for _ in range(3000)))" > binary.csv   # fixed bytes: the same results file on every run
printf '2024年工作回顾\n全年铁路货物发送量2.37亿吨、增长10.6%%。\n2025年工作安排\n力争接待游客3.2亿人次。\n' > report.txt
printf '2025年工作回顾\n全年铁路货物发送量3.37亿吨、增长10.6%%。\n2026年工作安排\n力争接待游客4.2亿人次。\n' > report2.txt
printf 'indicator,name,period,value,unit,qualifier,note,source\ntourist_arrivals,,2019,1e308,亿人次,exact,,x\n' > h308.csv
printf 'indicator,name,period,value,unit,qualifier,note,source\ntourist_arrivals,,2011,0.5,亿人次,exact,,history\n' > h.csv
printf 'SOURCE: test\n2026年某某省政府工作报告\n一、2025年工作回顾\n全省地区生产总值增长5.2%%。\n三、2026年重点工作\n经济社会发展的主要预期目标是：全省地区生产总值增长5%%左右，城镇新增就业50万人以上。\n' > moumou-2026.txt
cp -r ds dsdir; rm dsdir/targets.csv; mkdir dsdir/targets.csv
mkdir outdir
echo 'the old page' > b.html; echo 'the user'"'"'s file' > b.html.tmp; echo 'the user'"'"'s file' > out.csv.4242.tmp
echo 'read-only' > ro.html; chmod 444 ro.html; echo 'a file' > file
echo old > target.csv; ln -s target.csv link.csv; mkfifo fifo
# A device to write to: as root a copy of /dev/null made here (a regression would replace the copy, not the machine's).
DEV=/dev/null; mknod -m 666 devnull c 1 3 2> /dev/null && DEV=devnull
# A damaged Parquet file: the magic bytes around a cut footer.
printf 'PAR1\x15\x04\x15\x10\x15\x14L\x15\x02\x15\x00\x12\x00\x00PAR1' > damaged.parquet
# A checksum of every file but the command's own stdout and stderr captures and dataset lock files.
sum() { find "$@" ! -name 'out*.txt' ! -name 'err*.txt' ! -name fifo.out ! -name .analytics.lock -exec sh -c 'for f; do if [ -L "$f" ]; then echo "$f link"; elif [ -f "$f" ]; then md5sum "$f"; else echo "$f $(stat -c %F "$f")"; fi; done' _ {} + 2>/dev/null | sort | md5sum; }
CLI() { dotnet "$DLL" "$@"; }
echo '| # | case | command | exit | stderr (first line, 160 chars) | files |'
echo '|---|---|---|---|---|---|'
n=0
CHECK=""
row() {  # row "description" rc "command text" [check result]
  local msg; msg=$(head -n 1 err.txt | cut -c1-160 | sed 's/|/\\|/g')
  local lines; lines=$(wc -l < err.txt)
  [ "$lines" -gt 1 ] && msg="$msg (+$((lines - 1)) lines)"
  echo "| $n | $1 | \`$(echo "$3" | cut -c1-110 | sed 's/|/\\|/g')\` | $2 | $msg | ${4:-} |"
}
run() {  # run "description" args...
  local what=$1; shift; n=$((n + 1))
  CLI "$@" > out.txt 2> err.txt; local rc=$?
  row "$what" $rc "analytics $*"
}
checked() {  # checked "description" 'shell condition' args...: the condition, run after the command, must hold
  local what=$1 cond=$2; shift 2; n=$((n + 1))
  local before; before=$(sum .)
  CLI "$@" > out.txt 2> err.txt; local rc=$?
  local ok=no; BEFORE=$before eval "$cond" && ok=yes
  row "$what" $rc "analytics $*" "$ok"
}
unchanged='[ "$(sum .)" = "$BEFORE" ]'
run "horizon 9000 on data ending 1988" forecast --input y.csv --horizon 9000 --model naive
run "series ending in 9999" forecast --input end9999.csv --horizon 3 --model naive
run "horizon 0" forecast --input y.csv --horizon 0
run "horizon 10001" forecast --input y.csv --horizon 10001
run "duplicate --level 80 --level 80" forecast --input y.csv --horizon 2 --model naive --level 80 --level 80
run "duplicate --level 80 --level 80.0" forecast --input y.csv --horizon 2 --model naive --level 80 --level 80.0
run "level 100" forecast --input y.csv --horizon 2 --model naive --level 100
run "duplicate --quantiles 0.5,0.5" forecast --input y.csv --horizon 2 --model naive --quantiles 0.5,0.5
run "quantiles empty element" forecast --input y.csv --horizon 2 --model naive --quantiles 0.5,,0.9
run "evaluate duplicate levels" evaluate --train y.csv --test test.csv --horizon 3 --model naive --level 80 --level 80
run "--output is a directory (forecast)" forecast --input y.csv --horizon 2 --model naive --output outdir
run "--output in a missing directory" forecast --input y.csv --horizon 2 --model naive --output nodir/out.csv
run "--output is a directory (probability)" probability --input y.csv --horizon 2 --growth 0.05 --model naive --output outdir
run "--output is a directory (report)" report ds --output outdir
run "--output is a directory (chart)" chart ds --output outdir
run "track --window 1000000" track ds --window 1000000 --no-probability
run "track --window 0" track ds --window 0 --no-probability
run "backtest-targets test shifted 5 years" backtest-targets --train y.csv --test shifted.csv --horizon 3 --growth 0.05 --model naive
run "backtest-targets test overlapping training" backtest-targets --train y.csv --test overlap.csv --horizon 3 --growth 0.05 --model naive
run "5 MB value without newline" forecast --input long.csv --horizon 2 --model naive
run "long format in Latin-1" forecast --input latin1.csv --horizon 2 --model naive
run "NUL byte in an id" forecast --input nul.csv --horizon 2 --model naive
run "long format year 19" forecast --input year19.csv --horizon 2 --model naive
run "observations.csv period 19" track ds19 --no-probability
run "GBK observations.csv" track dsgbk --no-probability
run "negative level target" track dsneg --no-probability
run "probability --growth=1e308" probability --input y.csv --horizon 2 --growth=1e308 --model naive
run "probability --growth=-1" probability --input y.csv --horizon 2 --growth=-1 --model naive
run "probability --growth=0.05,0.05" probability --input y.csv --horizon 2 --growth=0.05,0.05 --model naive
run "probability --growth= --model theta" probability --input y.csv --horizon 2 --growth= --model theta
run "values near 1e308 with ets" forecast --input huge.csv --horizon 2 --model ets
run "values near 1e308 with theta" forecast --input huge.csv --horizon 2 --model theta
run "binary long-format file" forecast --input binary.csv --horizon 2 --model naive
run "binary synonyms file" extract report.txt --to-dataset ds --synonyms binary.csv
run "binary history file" import-history binary.csv --to-dataset ds
run "missing input file" forecast --input missing.csv --horizon 2
run "input is a directory" forecast --input outdir --horizon 2
run "dataset targets.csv is a directory" extract report.txt --to-dataset dsdir
run "extract of a binary report" extract binary.csv
run "unknown model" forecast --input y.csv --horizon 2 --model nosuch
# Issue 32: nothing the user has is lost or damaged.
checked "--output a character device (a copy of /dev/null): written through" '[ -c $DEV ]' forecast --input y.csv --horizon 2 --model naive --output $DEV
checked "--output a symbolic link: its target written" '[ -L link.csv ] && head -c 9 target.csv | grep -q unique_id' forecast --input y.csv --horizon 2 --model naive --output link.csv
(cat fifo > fifo.out &) ; checked "--output a FIFO: written through" 'sleep 1; [ -p fifo ] && grep -q unique_id fifo.out' forecast --input y.csv --horizon 2 --model naive --output fifo
checked "a user file out.csv.4242.tmp beside the output" '[ -f out.csv.4242.tmp ] && grep -q user out.csv.4242.tmp' forecast --input y.csv --horizon 2 --model naive --output out.csv
checked "board --output: b.html.tmp beside it kept" 'grep -q user b.html.tmp && grep -q DOCTYPE b.html' board moumou-2026.txt --output b.html --format csv
echo 'the old page' > b.html
checked "board --output a read-only file" "$unchanged" board moumou-2026.txt --output ro.html --format csv
checked "board --output in a missing directory" "$unchanged" board moumou-2026.txt --output nodir/b.html --format csv
checked "board --output with --to-dataset under a file" "$unchanged" board moumou-2026.txt --output b.html --to-dataset file/D --format csv
checked "extract --year 1000 (reviews 999)" "$unchanged" extract report2.txt --to-dataset ds --year 1000
checked "extract --year 999" "$unchanged" extract report2.txt --to-dataset ds --year 999
checked "extract --source ''" "$unchanged" extract report2.txt --to-dataset ds --source ''
checked "extract --source with a control character" "$unchanged" extract report2.txt --to-dataset ds --source "$(printf 'a\001b')"
checked "import-history of 1e308亿人次" "$unchanged" import-history h308.csv --to-dataset ds
n=$((n + 1))
CLI extract report2.txt --to-dataset dsw > out1.txt 2> err1.txt & CLI import-history h.csv --to-dataset dsw > out2.txt 2> err2.txt; rc2=$?; wait $!; rc1=$?
cat err1.txt err2.txt > err.txt
ok=no; { grep -q 'rail_freight_dispatched,2025' dsw/observations.csv || grep -q 'changed since' err1.txt; } && { grep -q 'tourist_arrivals,2011' dsw/observations.csv || grep -q 'changed since' err2.txt; } && ok=yes
row "extract and import-history into one dataset at once: each written, or refused saying so" "$rc1, $rc2" "analytics extract … --to-dataset dsw & analytics import-history … --to-dataset dsw" "$ok"
checked "extract --to-dataset with a bundled dataset's name" "$unchanged" extract report2.txt --to-dataset xinjiang
# Issue 32: wrong answers without a word.
run "--level 80.00000000000001 --level 80 (both lo-80)" forecast --input y.csv --horizon 2 --model naive --level 80.00000000000001 --level 80
run "--level 1e-20 (lo-0)" forecast --input y.csv --horizon 2 --model naive --level 1e-20
run "--quantiles 0.5,0.5000000001 (both q-0.5)" forecast --input y.csv --horizon 2 --model naive --quantiles 0.5,0.5000000001
run "probability on a series ending at 0" probability --input zero.csv --horizon 2 --growth 0.05 --model naive
run "targets.csv value 1e305亿人次 (overflows)" track dsbig --no-probability
run "targets.csv value 1e300亿人次 (beyond 1e100 人次)" track dshuge --no-probability
# Issue 32: hangs and internal errors.
run "silo --primary where nothing listens (--join-timeout 3)" silo --port 23901 --gateway-port 23902 --primary 127.0.0.1:23903 --join-timeout 3
n=$((n + 1)); CLI track ds --no-probability > /dev/full 2> err.txt; row "standard output is /dev/full" $? "analytics track ds > /dev/full"
n=$((n + 1)); CLI forecast --input <(cat two.csv) --horizon 2 --model naive > out.txt 2> err.txt; row "input from a pipe (process substitution)" $? "analytics forecast --input <(cat two.csv) --horizon 2 --model naive"
run "a damaged Parquet file" forecast --input damaged.parquet --horizon 2 --model naive
run "--paths 1000000 --horizon 10000" probability --input y.csv --horizon 10000 --growth 0.05 --paths 1000000 --model naive
run "--horizon ３ (full-width digit)" forecast --input y.csv --horizon ３ --model naive
run "a target in 9999 in the report" report ds9999 --output r.html
run "--season-length 2147483647 (m + 1 overflows)" forecast --input y.csv --horizon 2 --model snaive --season-length 2147483647
run "--origins 2147483647 --step 2 (origins × step overflows)" evaluate --train y.csv --horizon 1 --model naive --origins 2147483647 --step 2
# Issue 32: extreme but valid magnitudes inside a model (rescaled before fitting), and auto on series with zeros.
sed 's/,\([0-9]*\)$/,\1e-202/' y.csv | sed '1s/.*/unique_id,ds,y/' > tiny.csv
sed 's/,\([0-9]*\)$/,\1e78/' y.csv | sed '1s/.*/unique_id,ds,y/' > e80.csv
{ echo unique_id,ds,y; for s in $(seq 0 29); do for t in $(seq 0 11); do
  if [ $((s % 3)) -eq 0 ] && [ $((t % 4)) -eq 0 ]; then v=0; else v=$((50 + s + 3 * t + (s * 7 + t * 3) % 5)); fi
  echo "s$s,$((2000 + t)),$v"; done; done; } > zeros.csv
wide='awk -F, '"'"'NR == 2 && $(NF - 1) < $NF'"'"' out.txt | grep -q .'   # the first row's 95% interval has a width
checked "values near 1e-200 with arima: forecast with intervals" "$wide" forecast --input tiny.csv --horizon 2 --model arima
checked "values near 1e-200 with naive: intervals of a width" "$wide" forecast --input tiny.csv --horizon 2 --model naive
checked "values near 1e80 with ssa" 'grep -q "E+80" out.txt' forecast --input e80.csv --horizon 2 --model ssa
checked "auto on 30 series, 10 with zeros (every series forecast)" '[ "$(tail -n +2 out.txt | cut -d, -f1 | sort -u | wc -l)" = 30 ]' forecast --input zeros.csv --horizon 2 --model auto
run "backtest-reports --from 2020 --to 2010" backtest-reports report.txt --from 2020 --to 2010
{ cat zero.csv; tail -n +2 y.csv | sed 's/^a,/c,/'; } > zero-then-c.csv
run "Parquet output, first batch without rows (--batch-size 1)" probability --input zero-then-c.csv --horizon 2 --growth 0.05 --model naive --batch-size 1 --output p.parquet
