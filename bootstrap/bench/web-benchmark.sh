#!/usr/bin/env bash
# The web benchmark of BENCHMARKS.md ("Web"): the packaged jar on an embedded H2 database with 100,000 projects,
# loaded with wrk (apt-get install -y wrk). Run from the repository root after `mvn -B -DskipTests install`:
#   bash bootstrap/bench/web-benchmark.sh
# Seeding takes a few minutes and is kept under target/web-bench/seeded for later runs.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
WORK=$ROOT/bootstrap/target/web-bench
PORT=${EGOV_BENCH_PORT:-18081}
DURATION=${EGOV_BENCH_DURATION:-20s}
export EGOV_BENCH_PASSWORD=${EGOV_BENCH_PASSWORD:-bench-password-123}
export EGOV_BENCH_AUTH="bench-bdb:$EGOV_BENCH_PASSWORD"
URL_OPTS="MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH${EGOV_BENCH_URL_EXTRA:-}"
JAVA_OPTS=${EGOV_BENCH_JAVA_OPTS:--Xms1g -Xmx1g -XX:+UseParallelGC}

if [ ! -f "$WORK/seeded/ids.txt" ]; then
  mkdir -p "$WORK/seeded"
  (cd bootstrap && mvn -q -o dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=test)
  java -cp "$ROOT/bootstrap/target/test-classes:$ROOT/bootstrap/target/classes:$(cat "$WORK/cp.txt")" \
    cn.egov.projects.bootstrap.WebBenchmarkSeed "$WORK/seeded/egov" 100000 "$WORK/seeded/ids.txt"
fi
rm -rf "$WORK/run" && cp -r "$WORK/seeded" "$WORK/run"

java $JAVA_OPTS -jar bootstrap/target/egov-projects.jar --http-port "$PORT" \
  --db-url "jdbc:h2:file:$WORK/run/egov;$URL_OPTS" > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -sf "http://localhost:$PORT/health" >/dev/null && break; sleep 1; done
curl -sf -o /dev/null -u "$EGOV_BENCH_AUTH" "http://localhost:$PORT/api/projects"

echo "== project list page: GET /api/projects?page=1&size=20 (Bureau officer, 100,000 projects)"
wrk -t2 -c64 -d10s -s bootstrap/bench/list.lua "http://localhost:$PORT" >/dev/null   # warm-up
wrk -t2 -c64 -d"$DURATION" --latency -s bootstrap/bench/list.lua "http://localhost:$PORT"

echo "== the same, paced: each of the 64 connections waits 10 ms after each answer (at most 6,400 requests/s)"
EGOV_BENCH_DELAY_MS=10 wrk -t2 -c64 -d"$DURATION" --latency -s bootstrap/bench/list.lua "http://localhost:$PORT"

echo "== lifecycle transition: POST /api/projects/<id>/actions/START_REVIEW, each on another declared project"
# ids: warm-up from 0 (5 s), saturated from 16,000 (20 s at up to ~3,000/s), paced from 77,000 (15 s at most 1,280/s)
EGOV_BENCH_IDS="$WORK/run/ids.txt" EGOV_BENCH_OFFSET=0 \
  wrk -t2 -c64 -d5s -s bootstrap/bench/transition.lua "http://localhost:$PORT" >/dev/null   # warm-up
EGOV_BENCH_IDS="$WORK/run/ids.txt" EGOV_BENCH_OFFSET=16000 \
  wrk -t2 -c64 -d"$DURATION" --latency -s bootstrap/bench/transition.lua "http://localhost:$PORT"
echo "== the same, paced: each of the 64 connections waits 50 ms after each answer (at most 1,280 requests/s)"
EGOV_BENCH_IDS="$WORK/run/ids.txt" EGOV_BENCH_OFFSET=77000 EGOV_BENCH_DELAY_MS=50 \
  wrk -t2 -c64 -d15s --latency -s bootstrap/bench/transition.lua "http://localhost:$PORT"
echo "answers to the transitions (status: count):"
grep "POST /api/projects/.*/actions/START_REVIEW" "$WORK/server.log" | awk '{print $(NF-1)}' | sort | uniq -c

echo "== project page with 200 timeline entries: GET /api/projects/<id> (server time from the access log)"
ID=$(sed -n 99999p "$WORK/run/ids.txt")
for i in $(seq 1 199); do
  curl -sf -o /dev/null -u "$EGOV_BENCH_AUTH" -F kind=会议纪要 -F "file=@bootstrap/bench/list.lua;filename=minutes-$i.txt" \
    "http://localhost:$PORT/api/projects/$ID/documents"
done
for i in $(seq 1 20); do curl -sf -o /dev/null -u "$EGOV_BENCH_AUTH" "http://localhost:$PORT/api/projects/$ID"; done
sleep 1
echo "timeline entries: $(curl -sf -u "$EGOV_BENCH_AUTH" "http://localhost:$PORT/api/projects/$ID" | grep -o '"action":"' | wc -l) (actions included)"
grep "GET /api/projects/$ID 200" "$WORK/server.log" | tail -20 | awk '{print $NF}' | sed 's/ms//' | sort -n | \
  awk '{a[NR]=$1} END {print "server time of the last 20 reads (ms): median " a[int(NR/2)+1] ", max " a[NR]}'
echo "load average during the run: $(cut -d' ' -f1-3 /proc/loadavg)"
