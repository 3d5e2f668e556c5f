/**
 * What the input and output ports both speak of when staff read: pages of project summaries, list filters and
 * documents. Kept apart so that the two kinds of port stay independent.
 */
package cn.egov.projects.application.view;
