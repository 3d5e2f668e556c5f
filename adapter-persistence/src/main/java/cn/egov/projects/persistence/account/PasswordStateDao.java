package cn.egov.projects.persistence.account;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import java.time.Instant;
import java.util.List;

/** The MyBatis mapper of the password policy's columns of {@code account} and of {@code password_history} (V25). */
public interface PasswordStateDao {

    /** An account's password dates, last sign-in and activity, and why it was disabled. */
    record PasswordStateRow(Instant passwordChangedAt, boolean passwordMustChange, Instant lastSignInAt,
                            Instant lastActiveAt, String disabledReason) {
    }

    @Select("SELECT password_changed_at, password_must_change, last_sign_in_at, last_active_at, disabled_reason "
            + "FROM account WHERE user_id = #{userId}")
    PasswordStateRow find(@Param("userId") String userId);

    @Update("UPDATE account SET password_hash = #{hash}, password_changed_at = #{at}, "
            + "password_must_change = #{mustChange} WHERE user_id = #{userId}")
    int setPassword(@Param("userId") String userId, @Param("hash") String hash, @Param("at") Instant at,
                    @Param("mustChange") boolean mustChange);

    @Insert("INSERT INTO password_history (user_id, password_hash, set_at) VALUES (#{userId}, #{hash}, #{at})")
    int insertHistory(@Param("userId") String userId, @Param("hash") String hash, @Param("at") Instant at);

    @Select("SELECT password_hash FROM password_history WHERE user_id = #{userId} ORDER BY id DESC "
            + "LIMIT #{count}")
    List<String> recentHashes(@Param("userId") String userId, @Param("count") int count);

    @Update("UPDATE account SET last_sign_in_at = #{at}, last_active_at = #{at} WHERE user_id = #{userId}")
    int signedIn(@Param("userId") String userId, @Param("at") Instant at);

    @Update("UPDATE account SET last_active_at = #{at}, disabled_reason = NULL WHERE user_id = #{userId}")
    int activated(@Param("userId") String userId, @Param("at") Instant at);

    @Select("SELECT user_id FROM account WHERE enabled = TRUE AND last_active_at < #{cutoff} ORDER BY user_id")
    List<String> inactiveSince(@Param("cutoff") Instant cutoff);

    @Update("UPDATE account SET enabled = FALSE, disabled_reason = 'DORMANT' "
            + "WHERE user_id = #{userId} AND enabled = TRUE AND last_active_at < #{cutoff}")
    int disableDormant(@Param("userId") String userId, @Param("cutoff") Instant cutoff);
}
