/**
 * The persistence adapter: what the bootstrap opens ({@link cn.egov.projects.persistence.Database} from
 * {@link cn.egov.projects.persistence.DatabaseSettings}) and the output-port implementations it hands to the use
 * cases ({@link cn.egov.projects.persistence.PersistenceAdapters}). MyBatis over a pooled connection, the schema
 * kept by Flyway, on the embedded H2 database (the default) or PostgreSQL.
 */
package cn.egov.projects.persistence;
