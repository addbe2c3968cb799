#!/usr/bin/env bash
# Benchmark (not a test): the re-key of the outreach register. Synthetic feeds (1,000,000 persons in 400,000
# households by default) loaded under one key into an embedded PostgreSQL under target/bench, the register built, then
# re-keyed to another key from the six feed files in one transaction. Prints each step's time and the rows changed.
# Sizes: PERSONS=... HOUSEHOLDS=...
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -o test-compile -Dspotless.check.skip=true
./mvnw -B -q -o exec:java -Dexec.mainClass=hotline.gateway.bench.OutreachRekeyBenchmark -Dexec.classpathScope=test \
  -Dpersons="${PERSONS:-1000000}" -Dhouseholds="${HOUSEHOLDS:-400000}"
