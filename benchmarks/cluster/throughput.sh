#!/usr/bin/env bash
# Series per second of `analytics forecast` in one process, and on a cluster of 1 and 2 silos on this machine
# (development clustering on 127.0.0.1), on M3 yearly repeated K times (default 10: 6,450 series) generated in /tmp;
# then the overhead per partition (naive, partitions of 10 against 1000). Wall time of the whole command (reading,
# forecasting, writing), after a warm-up run; the outputs are compared byte for byte.
# Usage: bash benchmarks/cluster/throughput.sh [K]   (needs ../shared/datasets/m3)
source "$(dirname "$0")/lib.sh"
K=${1:-10}
build
input=$(m3_repeated "$K")
small=$(m3_repeated 1)
n=$(($(tail -n +2 "$input" | cut -d, -f1 | uniq | wc -l)))
echo "input: M3 yearly x$K = $n series; $(nproc) cores"
run() { "${ANALYTICS[@]}" forecast --input "$input" --horizon 6 "$@" > /dev/null; }
row() { printf '| %s | %s | %.1f s | %.0f |\n' "$1" "$2" "$3" "$(echo "$n / $3" | bc -l)"; }

echo "| model | run | wall time | series/s |"
echo "|---|---|---|---|"
for model in theta auto; do
  t=$(seconds run --model "$model" --output "$WORK/single-$model.csv")
  row "$model" "one process" "$t"
  t=$(seconds run --model "$model" --partition-size 1000 --output "$WORK/parts-$model.csv")
  row "$model" "one process, --partition-size 1000" "$t"
done

start_silo a 21111 31000
for silos in 1 2; do
  if [ "$silos" = 2 ]; then start_silo b 21112 31001 21111; fi
  gateways=127.0.0.1:31000; [ "$silos" = 2 ] && gateways=127.0.0.1:31000,127.0.0.1:31001
  for model in theta auto; do
    "${ANALYTICS[@]}" forecast --input "$small" --horizon 6 --model "$model" --cluster "$gateways" > /dev/null # warm-up: JIT on the silos
    t=$(seconds run --model "$model" --cluster "$gateways" --output "$WORK/cluster$silos-$model.csv")
    row "$model" "$silos silo(s)" "$t"
    cmp "$WORK/cluster$silos-$model.csv" "$WORK/parts-$model.csv"
  done
done
cmp "$WORK/single-theta.csv" "$WORK/cluster2-theta.csv"
echo "outputs: identical (theta: every run; auto: the cluster runs and the one-process run with --partition-size 1000)"

# Overhead per partition: naive costs microseconds a series, so the difference is the partitions' cost.
t10=$(seconds run --model naive --cluster 127.0.0.1:31000,127.0.0.1:31001 --partition-size 10 --output /dev/null)
t1000=$(seconds run --model naive --cluster 127.0.0.1:31000,127.0.0.1:31001 --partition-size 1000 --output /dev/null)
p10=$(((n + 9) / 10)); p1000=$(((n + 999) / 1000))
printf 'overhead per partition (naive, 2 silos): %.1f ms = (%.2f s for %d partitions of 10 - %.2f s for %d of 1000) / %d\n' \
  "$(echo "1000 * ($t10 - $t1000) / ($p10 - $p1000)" | bc -l)" "$t10" "$p10" "$t1000" "$p1000" "$((p10 - p1000))"
