/**
 * What the staff's working place keeps and reads besides projects: to-do lists, compliance figures and the audit
 * search across projects, sign-in failures and locks, calendar-feed tokens, idempotency keys and the account
 * directory. Its mappers register themselves with the database's MyBatis configuration on first use.
 */
package cn.egov.projects.persistence.web;
