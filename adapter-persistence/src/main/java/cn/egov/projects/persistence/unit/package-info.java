/** How the municipality's units are stored: one {@code unit} row each, keyed by its code. */
package cn.egov.projects.persistence.unit;
