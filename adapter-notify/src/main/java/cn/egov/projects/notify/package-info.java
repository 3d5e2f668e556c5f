/**
 * The reminder engine (RULES.md §5). Reminders are due work in the database: {@link cn.egov.projects.notify.ReminderEngine}
 * writes them, in the transaction of the change that makes them due, as rows of a ledger with the unique key
 * (deadline, offset, recipient, channel) and as db-scheduler executions, one per person, channel and day (a digest).
 * db-scheduler runs them cluster-safely on any number of instances; an execution sends one message with every
 * reminder of its key not yet sent nor cancelled, and records them sent. Failed sends retry with exponential backoff,
 * then become dead letters an administrator can send off again. SMS never go out in quiet hours. A daily pass plans
 * the day's repeated escalations and the declaration window's closing, and a sweep reschedules anything left behind.
 * After downtime the daily pass makes up the days missed (once, marked late, the latest reminder of each deadline),
 * and a daily task forgets settled reminders past the ledger's retention.
 */
package cn.egov.projects.notify;
