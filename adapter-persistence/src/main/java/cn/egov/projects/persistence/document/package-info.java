/** How documents are stored: {@code document} rows with the content in the database (BYTEA or BLOB). */
package cn.egov.projects.persistence.document;
