#!/usr/bin/env bash
# Benchmark (not a test): two builds' CPU per accepted call, measured side by side under the same load, so that a
# change can be judged on a machine whose other work makes one build's successive runs differ by a factor of two.
# Starts both jars with their embedded defaults on fresh data under target/bench-pair, warms both up, then posts new
# calls to both at once (wrk, bench/intake-calls.lua) and reads each JVM's CPU time (/proc) around the measured run.
#   bench/cpu-per-call-pair.sh A.jar B.jar     WARM_SECONDS=60 SECONDS_MEASURED=40 CONNECTIONS=4 ROUNDS=2
# JAVA_OPTIONS go to both JVMs, with {side} replaced by a or b (a flight recording's file name, say).
# Needs wrk (Debian package wrk). The semantic stage is off unless SEMANTIC=on, as in bench/cpu-per-call.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 2 ] || { echo "usage: $0 A.jar B.jar"; exit 2; }
work=target/bench-pair
rm -rf "$work" && mkdir -p "$work"
[ "${SEMANTIC:-off}" = on ] || export HOTLINE_CLASSIFICATION_SEMANTIC_ENABLED=false
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; wait 2>/dev/null || true' EXIT
start() { # jar, port, name
  PORT=$2 MANAGEMENT_PORT=$(($2 + 1)) DB_PORT=$(($2 + 2)) DB_DATA=$work/$3/pg BROKER_PORT=$(($2 + 3)) \
    BROKER_DATA=$work/$3/artemis INBOX_DIR=$work/$3/inbox java -XX:ErrorFile="$work/$3/hs_err_%p.log" ${options//\{side\}/$3} -jar "$1" >"$work/$3.log" 2>&1 &
  pids+=($!)
}
ready() { # port, pid
  for _ in $(seq 1 300); do
    curl -fs "localhost:$(($1 + 1))/actuator/health/readiness" >/dev/null 2>&1 && return 0
    kill -0 "$2" 2>/dev/null || { echo "a gateway did not start: see $work/*.log"; exit 1; }
    sleep 1
  done
}
options=${JAVA_OPTIONS:-}
start "$1" 28180 a
start "$2" 28280 b
ready 28180 "${pids[0]}"
ready 28280 "${pids[1]}"
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
load() { # seconds, output suffix
  wrk -t1 -c"${CONNECTIONS:-4}" -d"$1s" -s bench/intake-calls.lua http://127.0.0.1:28180 >"$work/a-$2.txt" &
  local wa=$!
  wrk -t1 -c"${CONNECTIONS:-4}" -d"$1s" -s bench/intake-calls.lua http://127.0.0.1:28280 >"$work/b-$2.txt" &
  wait $wa $!
}
load "${WARM_SECONDS:-60}" warm
hz=$(getconf CLK_TCK)
for round in $(seq 1 "${ROUNDS:-2}"); do
  a0=$(ticks "${pids[0]}"); b0=$(ticks "${pids[1]}")
  load "${SECONDS_MEASURED:-40}" "$round"
  a1=$(ticks "${pids[0]}"); b1=$(ticks "${pids[1]}")
  echo "== round $round (${SECONDS_MEASURED:-40} s, ${CONNECTIONS:-4} connections each, load average $(cut -d' ' -f1 /proc/loadavg))"
  for side in a b; do
    jar=$1; t0=$a0; t1=$a1
    [ $side = b ] && { jar=$2; t0=$b0; t1=$b1; }
    n=$(grep -oE 'status 201: [0-9]+' "$work/$side-$round.txt" | grep -oE '[0-9]+$' || echo 0)
    awk -v n="$n" -v t=$((t1 - t0)) -v hz="$hz" -v jar="$jar" 'BEGIN {
      if (n == 0) { printf "%s: no call accepted\n", jar; exit }
      printf "%s: %d calls, JVM %.2f ms CPU per call\n", jar, n, t * 1000 / hz / n }'
  done
done
