package cn.egov.projects.persistence.project;

/**
 * A {@code project} row as {@code ProjectDao.findStoredProject} reads it: the row and its children's
 * {@link ChildrenSnapshot} (null when the project has none).
 */
public record StoredProject(ProjectRow project, byte[] childrenSnapshot) {
}
