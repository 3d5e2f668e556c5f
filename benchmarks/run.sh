#!/usr/bin/env bash
# Builds the benchmarks module with the reactor's modules (nothing is installed into ~/.m2) and runs it:
#   bash benchmarks/run.sh [all|lifecycles|sizes] [-Dbench.…=… …]
#   bash benchmarks/run.sh jmh [JMH options]
# The figures go to the console and are appended to benchmarks/target/bench/lifecycles.md (BENCHMARKS.md,
# "Lifecycles against Flowable"). BENCH_JAVA_OPTS replaces the JVM options (default -Xms4g -Xmx4g).
set -euo pipefail
cd "$(dirname "$0")/.."
what=all
if [[ $# -gt 0 && $1 != -* ]]; then
  what=$1
  shift
fi
mvn -B -o -q -Pbenchmarks -pl benchmarks -am package -DskipTests
# shellcheck disable=SC2086
if [[ $what == jmh ]]; then
  exec java ${BENCH_JAVA_OPTS:--Xms1g -Xmx1g} -jar benchmarks/target/benchmarks.jar jmh "$@"
fi
exec java ${BENCH_JAVA_OPTS:--Xms4g -Xmx4g} "$@" -jar benchmarks/target/benchmarks.jar "$what"
