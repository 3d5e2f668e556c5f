package cn.egov.projects.persistence.project;

import org.apache.ibatis.annotations.Param;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The MyBatis mapper of projects ({@code ProjectDao.xml}): the {@code project} row with its document, and the
 * {@code deadline} rows that project a project's deadlines for the queries by due day.
 */
public interface ProjectDao {

    // ---------------------------------------------------------------- the project row

    /** The version and document of the project, or null. */
    StoredProject findProject(@Param("id") UUID id);

    /** Inserts the row at version 1 (the row's {@code version} is not written). */
    void insertProject(ProjectRow row);

    /**
     * Writes the row and raises its version by one where the stored version is the row's {@code version}; 0 when
     * it is not (or there is no such project). One parameter object of a declared type, so that MyBatis resolves
     * each column's type once, not on every save.
     */
    int updateProject(ProjectRow row);

    /**
     * {@link #updateProject} for a save whose row differs from the stored version's in its state and document only:
     * writes those two and raises the version, under the same check.
     */
    int updateStateAndDocument(ProjectRow.StateAndDocument row);

    List<ProjectSummaryRow> list(ListCriteria criteria);

    long count(ListCriteria criteria);

    // ---------------------------------------------------------------- the deadline rows

    /** The project's deadline rows in the order of {@code seq}. */
    List<DeadlineRow> findDeadlines(@Param("id") UUID id);

    /** Inserts rows; not to be called with none. */
    void insertDeadlines(@Param("rows") List<DeadlineRow> rows);

    void insertDeadline(DeadlineRow row);

    /** Rewrites the row of the same id and project; 1 if there was one. */
    int updateDeadline(DeadlineRow row);

    /** Deletes the project's rows of these ids; not to be called with none. */
    void deleteDeadlines(@Param("projectId") UUID projectId, @Param("ids") Collection<UUID> ids);

    /** Deletes every deadline row of the project. */
    void deleteAllDeadlines(@Param("projectId") UUID projectId);
}
