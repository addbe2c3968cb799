#!/usr/bin/env bash
# Benchmark (not a test): the semantic stage's bge-small models. Prints their load times, per-call latency
# percentiles for 120-character Chinese and English texts on one thread, throughput with one and two threads,
# heap and resident memory, and the cost of scoring against a need model of 2,000 examples.
# Runs in a JVM of its own (not Maven's) so that the memory figures are the benchmark's.
# Settings: CALLS=300 (latency calls per language) SECONDS=10 (per throughput run) bench/embedding.sh
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
  -Dmdep.includeScope=test
exec java -Dcalls="${CALLS:-300}" -Dseconds="${SECONDS:-10}" \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" hotline.gateway.bench.EmbeddingBenchmark
