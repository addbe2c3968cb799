#!/usr/bin/env bash
# Benchmark (not a test): one SLA sweep over 1,000,000 open tickets of which 1,000 are due, on an embedded
# PostgreSQL under target/bench. Prints load time, the sweep's time and the plan of the due-rows query.
# Sizes: OPEN=... DUE=... bench/sla-sweep.sh
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test-compile
./mvnw -B -q exec:java -Dexec.mainClass=hotline.gateway.bench.SlaSweepBenchmark -Dexec.classpathScope=test \
  -Dopen="${OPEN:-1000000}" -Ddue="${DUE:-1000}" -Drewrite="${REWRITE:-true}"
