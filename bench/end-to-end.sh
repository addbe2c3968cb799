#!/usr/bin/env bash
# Benchmark (not a test): the whole path of a call, from the hotline system's POST to the office reading the ticket
# from its queue, against the packaged gateway with its embedded default (fsync on, intake authenticated, the
# semantic stage enabled), and beside it the raw ceiling of the same durable work on the same PostgreSQL and broker.
# Prints accepted calls/s, HTTP p50/p99/p99.9, 201 -> office p50/p99, p99 at a fixed 100 calls/s, throughput and
# latency with 1, 4, 16 and 64 connections, the ceiling and the ratio. Everything it writes is under target/bench-e2e.
#   bench/end-to-end.sh                  SECONDS_SUSTAINED=60 STEP_SECONDS=15 CONNECTIONS=16
#   PROFILE=1 bench/end-to-end.sh        also records a JFR profile of the gateway (target/bench-e2e/gateway.jfr)
#   SEMANTIC_OFF=true bench/end-to-end.sh   the same with the semantic stage switched off (for comparison)
#   MIX=corpus bench/end-to-end.sh       the labelled corpus's 1,111 texts instead of the 50 sample call records
#   GATEWAY_JAVA_OPTS='-Xlog:gc:file=target/bench-e2e/gc.log' bench/end-to-end.sh   more options for the gateway's JVM
# It waits for the first semantic model to be active, then warms up for WARM_UP_SECONDS (90) before measuring.
set -euo pipefail
cd "$(dirname "$0")/.."
work=target/bench-e2e
port=${PORT:-18080}
db_port=${DB_PORT:-15432}
broker_port=${BROKER_PORT:-16616}
management_port=${MANAGEMENT_PORT:-18081}

./mvnw -B -q -DskipTests -Dspotless.check.skip=true package
./mvnw -B -q -Dspotless.check.skip=true test-compile
jar=$(ls target/hotline-gateway-*.jar | grep -v original | head -1)
rm -rf "$work" && mkdir -p "$work"

# A crash report goes with the run's files, not into the working directory.
jvm_options=("-XX:ErrorFile=$work/hs_err_%p.log")
if [ "${PROFILE:-0}" = 1 ]; then
  jvm_options+=("-XX:StartFlightRecording=filename=$work/gateway.jfr,settings=profile,delay=20s")
fi
if [ -n "${GATEWAY_JAVA_OPTS:-}" ]; then read -ra extra <<<"$GATEWAY_JAVA_OPTS"; jvm_options+=("${extra[@]}"); fi
if [ "${SEMANTIC_OFF:-false}" = true ]; then export HOTLINE_CLASSIFICATION_SEMANTIC_ENABLED=false; fi
PORT=$port MANAGEMENT_PORT=$management_port DB_PORT=$db_port DB_DATA=$work/pg BROKER_PORT=$broker_port \
  BROKER_DATA=$work/artemis INBOX_DIR=$work/inbox \
  java "${jvm_options[@]}" -jar "$jar" >"$work/gateway.log" 2>&1 &
gateway=$!
stop_gateway() {
  kill $gateway 2>/dev/null || true
  local status=0
  wait $gateway 2>/dev/null || status=$?
  # 143: ended by the SIGTERM above, after its graceful shutdown. Anything else (134: a crash) is reported.
  if [ "$status" != 0 ] && [ "$status" != 143 ]; then
    echo "the gateway ended with status $status: see $work/gateway.log and $work/hs_err_*.log"
  fi
}
trap stop_gateway EXIT

for _ in $(seq 1 180); do
  if curl -fs "localhost:$management_port/actuator/health/readiness" >/dev/null 2>&1 \
      || curl -fs "localhost:$port/actuator/health/readiness" >/dev/null 2>&1; then
    break
  fi
  kill -0 $gateway 2>/dev/null || { echo "the gateway did not start: see $work/gateway.log"; exit 1; }
  sleep 1
done
echo "gateway up (pid $gateway)"

./mvnw -B -q exec:java -Dexec.mainClass=hotline.gateway.bench.EndToEndBenchmark -Dexec.classpathScope=test \
  -Dbase="http://127.0.0.1:$port" -DdbPort="$db_port" -DbrokerUrl="tcp://127.0.0.1:$broker_port" \
  -DsemanticOff="${SEMANTIC_OFF:-false}" -Dmix="${MIX:-samples}" -DwarmUpSeconds="${WARM_UP_SECONDS:-90}" \
  -Dseconds="${SECONDS_SUSTAINED:-60}" -DstepSeconds="${STEP_SECONDS:-15}" -Dconnections="${CONNECTIONS:-16}"
