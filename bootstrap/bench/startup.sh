#!/usr/bin/env bash
# Start-up of BENCHMARKS.md ("Start-up"): from `java -jar` to the first 200 of /health, on a new embedded H2 database
# and on an existing one, each with and without the build's class-data archive (egov-projects.jsa beside the jar),
# each RUNS times alternately, with the median of each. Run from the repository root after
# `mvn -B -DskipTests package`:
#   bash bootstrap/bench/startup.sh            # RUNS=7 by default; JAVA_OPTS adds JVM options (none by default)
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=$(realpath "${JAR:-bootstrap/target/egov-projects.jar}")
RUNS=${RUNS:-7}
PORT=${EGOV_BENCH_PORT:-18082}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

ARCHIVE="${JAR%.jar}.jsa"
[ -f "$ARCHIVE" ] || { echo "no class-data archive $ARCHIVE: build with mvn -B -DskipTests package" >&2; exit 1; }

# milliseconds from launch to a healthy /health in directory $1, with the JVM options $2 (besides JAVA_OPTS); the
# server is stopped with SIGTERM afterwards
start_once() {
  local dir=$1 options=${2:-} started now pid
  mkdir -p "$dir"
  started=$(date +%s%N)
  (cd "$dir" && exec env EGOV_HTTP_PORT=$PORT java ${JAVA_OPTS:-} $options -jar "$JAR" > server.log 2>&1) &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/health"; do
    kill -0 $pid 2>/dev/null || { echo "the server exited: $(tail -5 "$dir/server.log")" >&2; exit 1; }
    sleep 0.02
  done
  now=$(date +%s%N)
  kill $pid; wait $pid 2>/dev/null || true
  echo $(( (now - started) / 1000000 ))
}

median() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }

start_once "$WORK/existing" > /dev/null   # creates the database the "existing" runs reopen
SHARED="-XX:SharedArchiveFile=$ARCHIVE"
for series in new existing new-cds existing-cds; do : > "$WORK/$series.txt"; done
for i in $(seq 1 "$RUNS"); do
  start_once "$WORK/new-$i" >> "$WORK/new.txt"
  start_once "$WORK/existing" >> "$WORK/existing.txt"
  start_once "$WORK/new-cds-$i" "$SHARED" >> "$WORK/new-cds.txt"
  start_once "$WORK/existing" "$SHARED" >> "$WORK/existing-cds.txt"
done
report() { echo "$1 $(tr '\n' ' ' < "$WORK/$2.txt")ms -> median $(median < "$WORK/$2.txt") ms"; }
report "new database:                         " new
report "existing database:                    " existing
report "new database, class-data archive:     " new-cds
report "existing database, class-data archive:" existing-cds
