package cn.egov.projects.persistence.project;

/** A project as {@code ProjectDao.findProject} reads it: the row's version and the document. */
public record StoredProject(long version, DocumentText document) {
}
