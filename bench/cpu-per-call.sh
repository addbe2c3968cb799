#!/usr/bin/env bash
# Benchmark (not a test): what one accepted call costs in CPU, the gateway's JVM and its PostgreSQL apart. CPU time per
# call varies less than calls per second when other work shares the machine (though it still grows with the load), so
# it is the better figure to compare two builds with. Starts the packaged jar with its embedded default on fresh data under target/bench-cpu, posts new calls
# with wrk (bench/intake-calls.lua: one text the dictionary is sure of), warms up, then reads the JVM's and every
# PostgreSQL process's CPU time (/proc) around a measured run and divides by the 201s.
#   bench/cpu-per-call.sh            WARM_SECONDS=40 SECONDS_MEASURED=30 CONNECTIONS=8 JAR=target/hotline-gateway-*.jar
# Needs wrk (Debian package wrk). The semantic stage is off unless SEMANTIC=on: the text does not reach it, and its
# first model build would otherwise run in the background during the measurement.
set -euo pipefail
cd "$(dirname "$0")/.."
work=target/bench-cpu
port=${PORT:-28080}
if [ -z "${JAR:-}" ]; then
  ./mvnw -B -q -DskipTests -Dspotless.check.skip=true package
  JAR=$(ls target/hotline-gateway-*.jar | grep -v original | head -1)
fi
rm -rf "$work" && mkdir -p "$work"
[ "${SEMANTIC:-off}" = on ] || export HOTLINE_CLASSIFICATION_SEMANTIC_ENABLED=false
PORT=$port MANAGEMENT_PORT=$((port + 1)) DB_PORT=$((port + 2)) DB_DATA=$work/pg BROKER_PORT=$((port + 3)) \
  BROKER_DATA=$work/artemis INBOX_DIR=$work/inbox java -XX:ErrorFile="$work/hs_err_%p.log" ${JAVA_OPTIONS:-} -jar "$JAR" >"$work/gateway.log" 2>&1 &
gateway=$!
trap 'kill $gateway 2>/dev/null; wait $gateway 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do
  curl -fs "localhost:$((port + 1))/actuator/health/readiness" >/dev/null 2>&1 && break
  kill -0 $gateway 2>/dev/null || { echo "the gateway did not start: see $work/gateway.log"; exit 1; }
  sleep 1
done

# CPU ticks so far of the gateway's JVM, and of the PostgreSQL server with all its backends.
ticks() {
  local postmaster jvm pg=0
  postmaster=$(head -1 "$work/pg/postmaster.pid")
  jvm=$(awk '{print $14 + $15}' /proc/$gateway/stat)
  for pid in $postmaster $(pgrep -P "$postmaster"); do
    pg=$((pg + $(awk '{print $14 + $15}' /proc/$pid/stat 2>/dev/null || echo 0)))
  done
  echo "$jvm $pg"
}

url=http://127.0.0.1:$port
wrk -t1 -c"${CONNECTIONS:-8}" -d"${WARM_SECONDS:-40}s" -s bench/intake-calls.lua "$url" >"$work/warm-up.txt"
read -r jvm0 pg0 < <(ticks)
wrk -t1 -c"${CONNECTIONS:-8}" -d"${SECONDS_MEASURED:-30}s" -s bench/intake-calls.lua "$url" >"$work/measured.txt"
read -r jvm1 pg1 < <(ticks)
accepted=$(grep -oE 'status 201: [0-9]+' "$work/measured.txt" | grep -oE '[0-9]+$' || echo 0)
hz=$(getconf CLK_TCK)
echo "== CPU per call (${SECONDS_MEASURED:-30} s, ${CONNECTIONS:-8} connections, load average $(cut -d' ' -f1 /proc/loadavg)) =="
grep -E '^status|^p50' "$work/measured.txt"
awk -v n="$accepted" -v j=$((jvm1 - jvm0)) -v p=$((pg1 - pg0)) -v hz="$hz" 'BEGIN {
  if (n == 0) { print "no call accepted"; exit 1 }
  printf "gateway JVM %.2f ms CPU per call, PostgreSQL %.2f ms (%d calls)\n", j * 1000 / hz / n, p * 1000 / hz / n, n }'
