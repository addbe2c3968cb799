#!/usr/bin/env bash
# SLA report benchmark: loads a million tickets (requests, assignments, events over four months) into an embedded
# PostgreSQL under /tmp/reports-bench (kept: a second run skips the load), then times a month's report per grouping
# and the overdue list, and prints the figures and an EXPLAIN ANALYZE summary. A benchmark, not a test.
#   bench/sla-report.sh [data-dir] [tickets]
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-/tmp/reports-bench/pg}
tickets=${2:-1000000}
./mvnw -B -q test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  hotline.gateway.reporting.bench.SlaReportBenchmark "$data" "$tickets"
