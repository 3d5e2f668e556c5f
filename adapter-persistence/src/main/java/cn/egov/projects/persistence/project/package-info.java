/**
 * How a project aggregate is stored: one {@code project} row per project holding its
 * {@link cn.egov.projects.persistence.project.ProjectDocuments document} — the whole
 * {@link cn.egov.projects.domain.project.Project.Snapshot} as JSON (JSONB on PostgreSQL, JSON on H2) — with the
 * version that every save checks and raises, and beside it the projections that queries need and that each save
 * writes in the same transaction: the row's columns for lists, the workplace and reminders
 * ({@link cn.egov.projects.persistence.project.ProjectRow}) and one {@code deadline} row per deadline
 * ({@link cn.egov.projects.persistence.project.DeadlineRow}) for the open deadlines by due day.
 * {@link cn.egov.projects.persistence.project.ProjectDao} is the MyBatis mapper.
 *
 * <p>Why the domain's records are written as they are, with a small Jackson module for the value types
 * ({@code Money}, {@code ProjectId}, {@code UnitId}, {@code LocalDate}), rather than through document records
 * mirroring them: a new field of a project then touches the domain and nothing here — no mirror record, no mapping
 * (before, one field of a child touched about nine files). The price is that the document's layout follows the
 * record components' names, so renaming or removing a component changes it; that is what the document's
 * {@code "format"} number and {@code ProjectDocuments.upgrade} are for (old documents are upgraded as JSON trees on
 * read, before they meet the records), and {@code ProjectDocumentContractTest} pins the layout (format number, no
 * version, amounts as exact strings, ISO days, no derived accessors). Reading goes through the records' canonical
 * constructors, so a stored project is validated exactly as one made in memory.
 *
 * <p>The schema's history: up to version 13 a project was its row and about 23 child tables; the migration V14.1
 * ({@code db.migration.common.V14_1__Project_documents}) carried them into documents, building format 1 from the
 * rows as plain JSON, independently of the domain.
 */
package cn.egov.projects.persistence.project;
