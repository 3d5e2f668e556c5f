package cn.egov.projects.persistence.security;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import java.time.Instant;
import java.util.List;

/** The MyBatis mapper of the second factor's secrets and the security settings (db/migration/common/V24). */
public interface SecondFactorDao {

    @Select("SELECT user_id, algorithm, secret, enrolled_at, confirmed, last_step FROM second_factor"
            + " WHERE user_id = #{userId}")
    SecondFactorRow find(@Param("userId") String userId);

    @Delete("DELETE FROM second_factor WHERE user_id = #{userId} AND confirmed = FALSE")
    int deleteUnconfirmed(@Param("userId") String userId);

    @Insert("INSERT INTO second_factor (user_id, algorithm, secret, enrolled_at, confirmed, last_step)"
            + " SELECT #{userId}, #{algorithm}, #{secret}, #{at}, FALSE, -1 FROM account a WHERE a.user_id = #{userId}"
            + " AND NOT EXISTS (SELECT 1 FROM second_factor s WHERE s.user_id = #{userId})")
    int insertUnconfirmed(@Param("userId") String userId, @Param("algorithm") String algorithm,
                          @Param("secret") String secret, @Param("at") Instant at);

    @Update("UPDATE second_factor SET confirmed = TRUE, last_step = #{step}, enrolled_at = #{at}"
            + " WHERE user_id = #{userId} AND confirmed = FALSE")
    int confirm(@Param("userId") String userId, @Param("step") long step, @Param("at") Instant at);

    @Update("UPDATE second_factor SET last_step = #{step}"
            + " WHERE user_id = #{userId} AND confirmed = TRUE AND last_step < #{step}")
    int advance(@Param("userId") String userId, @Param("step") long step);

    @Delete("DELETE FROM second_factor WHERE user_id = #{userId}")
    int delete(@Param("userId") String userId);

    @Select("SELECT name, setting FROM security_policy ORDER BY name")
    List<SecurityPolicyRow> settings();

    @Update("UPDATE security_policy SET setting = #{value}, changed_at = #{at}, changed_by = #{by}"
            + " WHERE name = #{name}")
    int updateSetting(@Param("name") String name, @Param("value") String value, @Param("at") Instant at,
                      @Param("by") String by);

    @Insert("INSERT INTO security_policy (name, setting, changed_at, changed_by)"
            + " VALUES (#{name}, #{value}, #{at}, #{by})")
    void insertSetting(@Param("name") String name, @Param("value") String value, @Param("at") Instant at,
                       @Param("by") String by);
}
