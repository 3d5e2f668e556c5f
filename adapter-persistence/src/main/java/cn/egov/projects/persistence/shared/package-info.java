/**
 * What the web tier of several application instances shares through the database: browser sessions, the access
 * revisions that invalidate remembered sign-ins, and the sign-in rate limits' counters (plain JDBC, tables of V15).
 */
package cn.egov.projects.persistence.shared;
