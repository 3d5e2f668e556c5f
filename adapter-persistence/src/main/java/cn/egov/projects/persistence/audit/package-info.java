/**
 * How the audit trail is stored: {@code audit_record} rows, inserted and read — the mapper has no statement that
 * updates or deletes one.
 */
package cn.egov.projects.persistence.audit;
