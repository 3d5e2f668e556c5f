/**
 * Open deadlines across all projects, read for reminders and to-do lists: a keyset-paged scan of the index
 * {@code (is_open, due_date, id)} joined with each deadline's project and accountable people.
 */
package cn.egov.projects.persistence.deadline;
