#!/usr/bin/env bash
# The heap of the packaged jar on an embedded H2 file database with 100,000 projects (BENCHMARKS.md, "Heap"):
# started with -Xmx256m, loaded by curl from 8 clients (list pages with filters, project pages, lifecycle
# transitions), then the live heap after a full collection (jcmd) and the process's resident memory.
# Run from the repository root after `mvn -B -DskipTests install`:
#   bash bootstrap/bench/heap.sh
# It uses the database web-benchmark.sh seeds (bootstrap/target/web-bench/seeded, seeded here when missing).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
WORK=$ROOT/bootstrap/target/web-bench
PORT=${EGOV_BENCH_PORT:-18082}
HEAP=${EGOV_BENCH_HEAP:-256m}
REQUESTS=${EGOV_BENCH_REQUESTS:-2500}
PASSWORD=${EGOV_BENCH_PASSWORD:-bench-password-123}
AUTH="bench-bdb:$PASSWORD"
URL_OPTS="MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"

if [ ! -f "$WORK/seeded/ids.txt" ]; then
  mkdir -p "$WORK/seeded"
  (cd bootstrap && mvn -q -o dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=test)
  EGOV_BENCH_PASSWORD=$PASSWORD java -cp "$ROOT/bootstrap/target/test-classes:$ROOT/bootstrap/target/classes:$(cat "$WORK/cp.txt")" \
    cn.egov.projects.bootstrap.WebBenchmarkSeed "$WORK/seeded/egov" 100000 "$WORK/seeded/ids.txt"
fi
rm -rf "$WORK/heap" && cp -r "$WORK/seeded" "$WORK/heap"

# the clock of the seed's days (WebBenchmarkSeed works on 2024-08-20): on today's date its accounts would be dormant
java -Xmx"$HEAP" -jar bootstrap/target/egov-projects.jar --http-port "$PORT" --clock 2024-08-21 \
  --db-url "jdbc:h2:file:$WORK/heap/egov;$URL_OPTS" > "$WORK/heap-server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -sf "http://localhost:$PORT/health" >/dev/null && break; sleep 1; done

# one client: its share of list pages, project pages and transitions; prints each answer's kind, HTTP status and
# seconds
client() {
  local n=$1
  for i in $(seq "$n" 8 "$REQUESTS"); do
    local id
    id=$(sed -n "$((i * 37 % 100000 + 1))p" "$WORK/heap/ids.txt")
    curl -s -o /dev/null -w 'list %{http_code} %{time_total}\n' -u "$AUTH" \
      "http://localhost:$PORT/api/projects?page=$((i % 500 + 1))&size=20"
    curl -s -o /dev/null -w 'list-by-state %{http_code} %{time_total}\n' -u "$AUTH" \
      "http://localhost:$PORT/api/projects?state=DECLARED&page=$((i % 50 + 1))&size=50"
    curl -s -o /dev/null -w 'project %{http_code} %{time_total}\n' -u "$AUTH" "http://localhost:$PORT/api/projects/$id"
    curl -s -o /dev/null -w 'transition %{http_code} %{time_total}\n' -u "$AUTH" -H 'Content-Type: application/json' \
      -d '{}' "http://localhost:$PORT/api/projects/$id/actions/START_REVIEW"
  done
}
started=$(date +%s)
for n in 1 2 3 4 5 6 7 8; do client "$n" > "$WORK/heap-client-$n.txt" & done
wait $(jobs -p | grep -v "^$SERVER$") 2>/dev/null || true
echo "requests answered in $(( $(date +%s) - started )) s (kind, status: count):"
cat "$WORK"/heap-client-*.txt | awk '{print $1, $2}' | sort | uniq -c
echo "== seconds per answer by kind (median, 90th percentile, max):"
for kind in list list-by-state project transition; do
  awk -v k="$kind" '$1 == k {print $3}' "$WORK"/heap-client-*.txt | sort -n |
    awk -v k="$kind" '{v[NR]=$1} END {printf "%-14s %d answers: median %.3f, p90 %.3f, max %.3f\n", k, NR, v[int((NR+1)/2)], v[int(NR*0.9)], v[NR]}'
done
echo "== collections during the run (jstat: young count, young seconds, full count, full seconds):"
jstat -gc "$SERVER" | awk 'NR == 2 {print $(NF-6), $(NF-5), $(NF-4), $(NF-3)}'

jcmd "$SERVER" GC.run >/dev/null
echo "== heap after a full collection (-Xmx$HEAP, 100,000 projects):"
jcmd "$SERVER" GC.heap_info
echo "== resident memory: $(awk '/VmRSS/ {print $2 " " $3}' /proc/$SERVER/status)"
echo "== OutOfMemoryError in the server's log: $(grep -c OutOfMemoryError "$WORK/heap-server.log" || true)"
