# Shared by the cluster scripts: the Release build of the tool, M3 yearly repeated into /tmp, silo processes.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
M3=${M3:-$ROOT/../shared/datasets/m3/m3-yearly-train.csv}
WORK=${WORK:-/tmp/analytics-cluster}
mkdir -p "$WORK"
SILOS=()

build() {
  dotnet build "$ROOT/src/Zhibiao.Analytics.Cli" -c Release -v q -nologo > "$WORK/build.log"
  ANALYTICS=(dotnet "$ROOT/src/Zhibiao.Analytics.Cli/bin/Release/net10.0/Zhibiao.Analytics.Cli.dll")
}

# m3_repeated K: M3 yearly's training part K times (ids suffixed _1.._K), each series' rows together.
m3_repeated() {
  local k=$1 out="$WORK/m3-yearly-x$1.csv"
  if [ ! -s "$out" ]; then
    awk -F, -v k="$k" 'NR == 1 { print; next } { row[++n] = $0; id[n] = $1; rest[n] = substr($0, length($1) + 1) }
      END { for (r = 1; r <= k; r++) for (i = 1; i <= n; i++) print id[i] "_" r rest[i] }' "$M3" > "$out"
  fi
  echo "$out"
}

# start_silo NAME PORT GATEWAY [PRIMARY_PORT]: starts `analytics silo` in the background and waits for its ready line.
start_silo() {
  local name=$1 port=$2 gateway=$3 primary=${4:-}
  local args=(silo --port "$port" --gateway-port "$gateway")
  [ -n "$primary" ] && args+=(--primary "127.0.0.1:$primary")
  "${ANALYTICS[@]}" "${args[@]}" > "$WORK/$name.out" 2> "$WORK/$name.err" &
  SILOS+=($!)
  eval "PID_$name=$!"
  for _ in $(seq 1 600); do
    if grep -q ready "$WORK/$name.out"; then return 0; fi
    sleep 0.1
  done
  echo "silo $name did not become ready:" >&2; cat "$WORK/$name.err" >&2; return 1
}

stop_silos() {
  # SIGTERM: a background job of a script ignores SIGINT (Ctrl-C in a terminal is SIGINT; the silo stops on both).
  for pid in "${SILOS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${SILOS[@]}"; do wait "$pid" 2>/dev/null || true; done
  SILOS=()
}
trap stop_silos EXIT

# seconds CMD...: runs CMD and prints its wall time in seconds.
seconds() {
  local start end
  start=$(date +%s.%N)
  "$@"
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}
