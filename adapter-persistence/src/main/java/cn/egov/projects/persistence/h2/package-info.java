/**
 * The embedded H2 database made durable: every commit of a file database is on the disk (not only in the operating
 * system's cache) before the commit returns, so that an acknowledged write survives a killed process and a power cut.
 * And what else is H2's own: its URLs, and projects' documents handed to it as JSON values rather than text.
 */
package cn.egov.projects.persistence.h2;
