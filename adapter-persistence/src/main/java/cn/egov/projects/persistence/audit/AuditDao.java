package cn.egov.projects.persistence.audit;

import org.apache.ibatis.annotations.Param;

import java.util.List;

/** The MyBatis mapper of the audit trail ({@code AuditDao.xml}): append and read, nothing else. */
public interface AuditDao {

    void insert(AuditRow row);

    List<AuditRow> forProject(@Param("projectId") String projectId);
}
