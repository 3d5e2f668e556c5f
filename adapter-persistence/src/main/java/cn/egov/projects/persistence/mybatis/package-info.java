/**
 * MyBatis plumbing shared by the adapters: the session bound to the thread for the transaction of a use case,
 * the type handlers for UUIDs and instants, and the reading of SQL errors the two databases report alike.
 */
package cn.egov.projects.persistence.mybatis;
