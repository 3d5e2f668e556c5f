package cn.egov.projects.persistence.audit;

import org.apache.ibatis.annotations.Param;

import java.util.List;

/**
 * The MyBatis mapper of the audit trail ({@code AuditDao.xml}): reading only. Records are appended by
 * {@link AuditChain}, which seals each as it is written.
 */
public interface AuditDao {

    List<AuditRow> forProject(@Param("projectId") String projectId);
}
