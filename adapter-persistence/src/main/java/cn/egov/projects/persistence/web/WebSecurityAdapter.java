package cn.egov.projects.persistence.web;

import cn.egov.projects.application.port.out.Account;
import cn.egov.projects.application.port.out.AccountDirectoryPort;
import cn.egov.projects.application.port.out.CalendarTokenPort;
import cn.egov.projects.application.port.out.IdempotencyPort;
import cn.egov.projects.application.port.out.LoginAttemptsPort;
import cn.egov.projects.application.view.StoredResponse;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.UnitId;
import cn.egov.projects.persistence.mybatis.Sessions;
import cn.egov.projects.persistence.mybatis.SqlErrors;
import org.apache.ibatis.exceptions.PersistenceException;

import java.time.Instant;
import cn.egov.projects.persistence.crypto.PersonalFields;
import cn.egov.projects.persistence.crypto.FieldCipher;

import java.util.List;
import cn.egov.projects.persistence.crypto.PersonalFields;
import cn.egov.projects.persistence.crypto.FieldCipher;

import java.util.Objects;
import cn.egov.projects.persistence.crypto.PersonalFields;
import cn.egov.projects.persistence.crypto.FieldCipher;

import java.util.Optional;
import cn.egov.projects.persistence.crypto.PersonalFields;
import cn.egov.projects.persistence.crypto.FieldCipher;

import java.util.Set;
import cn.egov.projects.persistence.crypto.PersonalFields;
import cn.egov.projects.persistence.crypto.FieldCipher;

import java.util.function.Function;
import cn.egov.projects.persistence.crypto.PersonalFields;
import cn.egov.projects.persistence.crypto.FieldCipher;

import java.util.stream.Collectors;

/**
 * Sign-in failures and locks ({@link LoginAttemptsPort}), calendar-feed token digests ({@link CalendarTokenPort}),
 * idempotency keys ({@link IdempotencyPort}, claimed by a primary key so that two instances cannot both claim one)
 * and the account directory without password hashes ({@link AccountDirectoryPort}).
 */
public final class WebSecurityAdapter implements LoginAttemptsPort, CalendarTokenPort, IdempotencyPort,
        AccountDirectoryPort {

    private final Sessions sessions;

    private final FieldCipher cipher;

    public WebSecurityAdapter(Sessions sessions, FieldCipher cipher) {
        this.sessions = Mappers.registered(Objects.requireNonNull(sessions, "sessions"));
        this.cipher = Objects.requireNonNull(cipher, "cipher");
    }

    private <T> T dao(Function<WebSecurityDao, T> work) {
        return sessions.call(s -> work.apply(s.getMapper(WebSecurityDao.class)));
    }

    // ------------------------------------------------------------------------------------------------ sign-in

    @Override
    public void recordFailure(String username, Instant at, String sourceAddress) {
        dao(d -> {
            d.insertFailure(username, at, sourceAddress);
            return null;
        });
    }

    @Override
    public int failuresSince(String username, Instant since) {
        return dao(d -> d.countFailuresSince(username, since));
    }

    @Override
    public void clearFailures(String username) {
        dao(d -> {
            d.deleteFailures(username);
            return null;
        });
    }

    @Override
    public void lock(String username, Instant until) {
        dao(d -> {
            d.deleteLock(username);
            d.insertLock(username, until);
            return null;
        });
    }

    @Override
    public Optional<Instant> lockedUntil(String username) {
        return Optional.ofNullable(dao(d -> d.lockedUntil(username)));
    }

    // ------------------------------------------------------------------------------------------- calendar feeds

    @Override
    public void put(String userId, String tokenDigest, Instant at) {
        // a new token replaces the user's old one; two issued at once (two tabs) must not collide on the key, so
        // the insert gives way to an existing row, which is then updated: the later of the two wins
        dao(d -> {
            if (d.insertToken(userId, tokenDigest, at) == 0) {
                d.updateToken(userId, tokenDigest, at);
            }
            return null;
        });
    }

    @Override
    public boolean remove(String userId) {
        return dao(d -> d.deleteToken(userId)) > 0;
    }

    @Override
    public Optional<String> userFor(String tokenDigest) {
        return Optional.ofNullable(dao(d -> d.userForToken(tokenDigest)));
    }

    // ------------------------------------------------------------------------------------------- idempotency

    @Override
    public boolean reserve(String userId, String key, String fingerprint, Instant at) {
        try {
            return dao(d -> d.reserveKey(userId, key, fingerprint, at)) == 1;
        } catch (PersistenceException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public Optional<StoredResponse> find(String userId, String key) {
        return Optional.ofNullable(dao(d -> d.findKey(userId, key)))
                .map(r -> new StoredResponse(r.fingerprint(), r.status(), r.body(), r.createdAt()));
    }

    @Override
    public void complete(String userId, String key, int status, String body) {
        dao(d -> {
            d.completeKey(userId, key, status, body);
            return null;
        });
    }

    @Override
    public void release(String userId, String key) {
        dao(d -> {
            d.releaseKey(userId, key);
            return null;
        });
    }

    @Override
    public int purgeBefore(Instant before) {
        return dao(d -> d.purgeKeys(before));
    }

    // ------------------------------------------------------------------------------------------------ accounts

    @Override
    public List<Account> all() {
        return dao(d -> d.allAccounts().stream().map(r -> account(d, r)).toList());
    }

    @Override
    public Optional<Account> findById(String userId) {
        return dao(d -> Optional.ofNullable(d.accountById(userId)).map(r -> account(d, r)));
    }

    @Override
    public boolean setEnabled(String userId, boolean enabled) {
        return dao(d -> d.setEnabled(userId, enabled)) > 0;
    }

    /** An account as the directory gives it: the password hash is never read ("-"). */
    private Account account(WebSecurityDao dao, DirectoryRow r) {
        Set<ProjectId> assigned = dao.assignedProjects(r.userId()).stream().map(ProjectId::new)
                .collect(Collectors.toSet());
        return new Account(r.userId(), r.username(), r.displayName(), r.role(),
                r.unit() == null ? null : new UnitId(r.unit()), 
                cipher.decrypt(PersonalFields.ACCOUNT_MOBILE, r.userId(), r.mobile()),
                cipher.decrypt(PersonalFields.ACCOUNT_EMAIL, r.userId(), r.email()), "-", r.enabled(), assigned);
    }
}
