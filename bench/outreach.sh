#!/usr/bin/env bash
# Benchmark (not a test): synthetic department feeds (1,000,000 persons in 400,000 households by default) loaded into
# an embedded PostgreSQL under target/bench, matching run with its visit tickets and outbox rows, then a rerun with
# nothing changed. Prints each step's time. Sizes: PERSONS=... HOUSEHOLDS=... CAP=... (daily cap; -1 none);
# CONNECTIONS=... (2: the register staged, and the visit tickets written, on that many connections side by side);
# EXPLAIN=true logs the plans of slow statements; JAVA_OPTS are passed to the JVM.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -o test-compile dependency:build-classpath -Dspotless.check.skip=true -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt
exec java -Xmx2g ${JAVA_OPTS:-} -Dexplain="${EXPLAIN:-false}" -Dpersons="${PERSONS:-1000000}" -Dhouseholds="${HOUSEHOLDS:-400000}" -Dcap="${CAP:--1}" -Dconnections="${CONNECTIONS:-2}" \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" hotline.gateway.bench.OutreachBenchmark
