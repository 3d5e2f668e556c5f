package cn.egov.projects.persistence.account;

import org.apache.ibatis.annotations.Param;

import java.util.List;
import java.util.UUID;

/** The MyBatis mapper of accounts ({@code AccountDao.xml}). */
public interface AccountDao {

    AccountRow findByUsername(@Param("username") String username);

    AccountRow findById(@Param("userId") String userId);

    /** The accounts named to a project, by user id. */
    List<AccountRow> findAssignedTo(@Param("projectId") UUID projectId);

    /** What each account named to a project is named for, by user id. */
    List<AssignedProjectRow> findAssignmentsOf(@Param("projectId") UUID projectId);

    boolean isAssigned(@Param("userId") String userId, @Param("projectId") UUID projectId);

    int deleteAssigned(@Param("userId") String userId, @Param("projectId") UUID projectId);

    List<AssignedProjectRow> findAssigned(@Param("userId") String userId);

    void insert(AccountRow row);

    void insertAssigned(@Param("rows") List<AssignedProjectRow> rows);

    long count();

    /** Enabled accounts of a role, optionally of one unit, by user id. */
    List<AccountRow> findEnabledByRole(@Param("role") String role, @Param("unit") String unit);

    /** The assigned projects of several accounts at once. */
    List<AssignedProjectRow> findAssignedOf(@Param("userIds") List<String> userIds);
}
