package cn.egov.projects.persistence.security;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

import java.time.Instant;
import java.util.List;

/** The MyBatis mapper of the clearances (db/migration/common/V32). */
public interface ClearanceDao {

    @Select("SELECT user_id, granted_at, granted_by FROM security_clearance WHERE user_id = #{userId}")
    ClearanceRow find(@Param("userId") String userId);

    @Select("SELECT user_id, granted_at, granted_by FROM security_clearance ORDER BY user_id")
    List<ClearanceRow> all();

    @Insert("INSERT INTO security_clearance (user_id, granted_at, granted_by)"
            + " SELECT a.user_id, #{at}, #{by} FROM account a WHERE a.user_id = #{userId}"
            + " AND NOT EXISTS (SELECT 1 FROM security_clearance c WHERE c.user_id = #{userId})")
    int grant(@Param("userId") String userId, @Param("at") Instant at, @Param("by") String by);

    @Delete("DELETE FROM security_clearance WHERE user_id = #{userId}")
    int revoke(@Param("userId") String userId);

    @Delete("DELETE FROM account_project WHERE user_id = #{userId} AND purpose = 'SCOPE'")
    int leaveScopes(@Param("userId") String userId);
}
