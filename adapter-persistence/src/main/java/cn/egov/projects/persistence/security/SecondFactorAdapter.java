package cn.egov.projects.persistence.security;

import cn.egov.projects.application.port.out.SecondFactorPort;
import cn.egov.projects.application.port.out.SecurityPolicyPort;
import cn.egov.projects.application.view.OtpAlgorithm;
import cn.egov.projects.persistence.crypto.FieldCipher;
import cn.egov.projects.persistence.crypto.PersonalFields;
import cn.egov.projects.persistence.mybatis.Sessions;

import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The accounts' one-time-code secrets ({@link SecondFactorPort}, table {@code second_factor}) and the security
 * settings ({@link SecurityPolicyPort}, table {@code security_policy}). The last accepted step moves on by one
 * conditional {@code UPDATE … WHERE last_step < ?}: of two instances accepting the same code at once, one wins.
 * The secret is sealed with the SM4-GCM field cipher of personal data ({@link PersonalFields#SECOND_FACTOR_SECRET},
 * bound to the account's row): the database alone does not give away anyone's codes. A secret stored as plain base64
 * before (schema 24) still reads, and is sealed by the start-up sweep and by {@code rotate-keys}.
 */
public final class SecondFactorAdapter implements SecondFactorPort, SecurityPolicyPort {

    private final Sessions sessions;
    private final FieldCipher cipher;

    public SecondFactorAdapter(Sessions sessions, FieldCipher cipher) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        var configuration = sessions.configuration();
        synchronized (configuration) {
            if (!configuration.hasMapper(SecondFactorDao.class)) {
                configuration.addMapper(SecondFactorDao.class);
            }
        }
    }

    private <T> T dao(Function<SecondFactorDao, T> work) {
        return sessions.call(s -> work.apply(s.getMapper(SecondFactorDao.class)));
    }

    @Override
    public Optional<Stored> find(String userId) {
        return Optional.ofNullable(dao(d -> d.find(userId))).map(r -> new Stored(r.userId(),
                OtpAlgorithm.valueOf(r.algorithm()),
                Base64.getDecoder().decode(cipher.decrypt(PersonalFields.SECOND_FACTOR_SECRET, r.userId(), r.secret())),
                r.enrolledAt(),
                r.confirmed(), r.lastStep()));
    }

    @Override
    public boolean begin(String userId, OtpAlgorithm algorithm, byte[] secret, Instant at) {
        String encoded = cipher.encrypt(PersonalFields.SECOND_FACTOR_SECRET, userId,
                Base64.getEncoder().encodeToString(secret));
        return dao(d -> {
            d.deleteUnconfirmed(userId);
            return d.insertUnconfirmed(userId, algorithm.name(), encoded, at) == 1;
        });
    }

    @Override
    public boolean confirm(String userId, long step, Instant at) {
        return dao(d -> d.confirm(userId, step, at)) == 1;
    }

    @Override
    public boolean advance(String userId, long step) {
        return dao(d -> d.advance(userId, step)) == 1;
    }

    @Override
    public boolean remove(String userId) {
        return dao(d -> d.delete(userId)) > 0;
    }

    @Override
    public Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        dao(SecondFactorDao::settings).forEach(r -> settings.put(r.name(), r.setting()));
        return settings;
    }

    @Override
    public void put(String name, String value, Instant at, String by) {
        dao(d -> {
            if (d.updateSetting(name, value, at, by) == 0) {
                d.insertSetting(name, value, at, by);
            }
            return null;
        });
    }
}
