/**
 * What the use cases need from the world (output ports): projects, lists, declaration windows, the audit trail,
 * reminders, documents, the clock, the calendar, the policy packs and transactions. Adapters implement them.
 */
package cn.egov.projects.application.port.out;
