#!/usr/bin/env bash
# Benchmark (not a test): how the classifier does on the sample calls, the tuning and validation parts of the
# labelled calls and the frozen test set, for the dictionary alone and for both stages. Prints need accuracy,
# per-need recall, urgent recall and the false urgent rate (urgency from the text alone), and the danger hints.
# Arguments: --without-frozen; --without-danger-first (the needs as the stages read them); --also=<file> (further
# labelled calls, JSON Lines with id, text, need, needs and urgent, judged like the frozen set); --list-also (and each
# --also call both stages get wrong, with the evidence). Each batch of the danger
# phrasings (source batch-N) is also read by a model built without it.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test-compile
./mvnw -B -q exec:java -Dexec.mainClass=hotline.gateway.bench.ClassificationBenchmark -Dexec.classpathScope=test -Dexec.args="$*"
