/**
 * The persistence benchmark of issue 3 ({@code BENCHMARKS.md}): a plain program, not a test — it never runs in
 * {@code mvn verify}. It seeds a million projects set-based into PostgreSQL (embedded, or external) and H2, times
 * the due-deadline query (first page, full keyset scan) with its plans, and the throughput and latency of a
 * lifecycle transition through the real application service, before and after the incremental reads and writes.
 */
package cn.egov.projects.persistence.bench;
