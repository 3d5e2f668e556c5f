package cn.egov.projects.persistence.account;

import org.apache.ibatis.annotations.Param;

import java.util.List;

/** The MyBatis mapper of accounts ({@code AccountDao.xml}). */
public interface AccountDao {

    AccountRow findByUsername(@Param("username") String username);

    List<AssignedProjectRow> findAssigned(@Param("userId") String userId);

    void insert(AccountRow row);

    void insertAssigned(@Param("rows") List<AssignedProjectRow> rows);

    long count();
}
