/** Reminder channels: for now the log-only channel of development; e-mail and SMS come in their own issue. */
package cn.egov.projects.notify;
