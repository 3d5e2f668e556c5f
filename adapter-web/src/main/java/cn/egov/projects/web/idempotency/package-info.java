/**
 * {@code Idempotency-Key} on state-changing requests: the first request with a key acts and its answer is kept; a
 * retry gets the same answer and acts no more.
 */
package cn.egov.projects.web.idempotency;
