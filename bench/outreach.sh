#!/usr/bin/env bash
# Benchmark (not a test): synthetic department feeds (1,000,000 persons in 400,000 households by default) loaded into
# an embedded PostgreSQL under target/bench, matching run with its visit tickets and outbox rows, then a rerun with
# nothing changed. Prints each step's time. Sizes: PERSONS=... HOUSEHOLDS=... CAP=... (daily cap; -1 none).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -o test-compile -Dspotless.check.skip=true
./mvnw -B -q -o exec:java -Dexec.mainClass=hotline.gateway.bench.OutreachBenchmark -Dexec.classpathScope=test \
  -Dpersons="${PERSONS:-1000000}" -Dhouseholds="${HOUSEHOLDS:-400000}" -Dcap="${CAP:--1}"
