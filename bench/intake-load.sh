#!/usr/bin/env bash
# Intake under sustained load: new hotline calls posted by wrk against a running gateway, then how long the outbox
# relay takes to hand everything to the broker. A benchmark, not a test: it prints figures and asserts nothing.
#   bench/intake-load.sh [base-url] [seconds] [connections]
# Needs wrk (Debian package wrk) and psql when DB_URL-less embedded PostgreSQL is not used. Calls are sent with the
# hotline system's key: HOTLINE_API_KEY, or the local one of the embedded runtime.
set -euo pipefail
base=${1:-http://127.0.0.1:8080}
seconds=${2:-30}
connections=${3:-16}
here=$(cd "$(dirname "$0")" && pwd)
wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$here/intake-calls.lua" "$base"
