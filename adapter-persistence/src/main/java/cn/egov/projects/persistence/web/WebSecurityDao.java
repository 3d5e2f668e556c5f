package cn.egov.projects.persistence.web;

import org.apache.ibatis.annotations.Param;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The MyBatis mapper of sign-in failures, calendar tokens, idempotency keys and accounts ({@code WebSecurityDao.xml}). */
public interface WebSecurityDao {

    void insertFailure(@Param("username") String username, @Param("at") Instant at,
                       @Param("sourceAddress") String sourceAddress);

    int countFailuresSince(@Param("username") String username, @Param("since") Instant since);

    void deleteFailures(@Param("username") String username);

    void deleteLock(@Param("username") String username);

    void insertLock(@Param("username") String username, @Param("until") Instant until);

    Instant lockedUntil(@Param("username") String username);

    int deleteToken(@Param("userId") String userId);

    /** Inserts the user's token unless the user has one; returns how many rows were inserted (0 or 1). */
    int insertToken(@Param("userId") String userId, @Param("digest") String digest, @Param("at") Instant at);

    int updateToken(@Param("userId") String userId, @Param("digest") String digest, @Param("at") Instant at);

    String userForToken(@Param("digest") String digest);

    int reserveKey(@Param("userId") String userId, @Param("key") String key,
                   @Param("fingerprint") String fingerprint, @Param("at") Instant at);

    IdempotencyRow findKey(@Param("userId") String userId, @Param("key") String key);

    void completeKey(@Param("userId") String userId, @Param("key") String key, @Param("status") int status,
                     @Param("body") String body);

    void releaseKey(@Param("userId") String userId, @Param("key") String key);

    int purgeKeys(@Param("before") Instant before);

    List<DirectoryRow> allAccounts();

    DirectoryRow accountById(@Param("userId") String userId);

    List<UUID> assignedProjects(@Param("userId") String userId);

    int setEnabled(@Param("userId") String userId, @Param("enabled") boolean enabled);
}
