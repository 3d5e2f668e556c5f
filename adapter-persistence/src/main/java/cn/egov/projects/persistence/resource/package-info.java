/**
 * How resource catalogues and reuse opinions are stored ({@code V18__resource_catalogue_and_reuse_opinions.sql}):
 * a catalogue row with its version and one row per resource; one row per opinion and one per project or resource it
 * names; and the reads of the similarity corpus within a list scope.
 */
package cn.egov.projects.persistence.resource;
