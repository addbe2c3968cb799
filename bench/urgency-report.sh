#!/usr/bin/env bash
# Report (not a test): how the danger taxonomy's rules judge urgency on a file of calls written apart (JSON Lines:
# id, text, urgent, dangerCategory, register), with every call judged wrongly. See UrgencyReport.
#   bench/urgency-report.sh calls.jsonl
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 1 ] || { echo "usage: $0 calls.jsonl"; exit 2; }
file=$(realpath "$1")
./mvnw -B -q -Dspotless.check.skip=true test-compile
./mvnw -B -q exec:java -Dexec.mainClass=hotline.gateway.bench.UrgencyReport -Dexec.classpathScope=test \
  -Dexec.args="$file"
