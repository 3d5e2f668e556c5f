package db.migration.common;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * V26, for H2 and PostgreSQL alike: personal data encrypted at rest and SM3 digests of documents.
 *
 * <ul>
 *   <li>The project's mobile columns are widened to hold an SM4-GCM value ({@code sm4gcm:v1:k1:…}, about 70
 *       characters for a mobile number; the e-mail columns and the account's are TEXT already).</li>
 *   <li>{@code personal_data_state} says whether the values written before this release have been encrypted: the
 *       migration cannot, for the key is in a file outside the database that Flyway is not given. The application
 *       does it at its first start after the migration ({@code PersonalDataSweep}, one transaction a batch) and
 *       sets {@code swept}; until then the old plaintext values are read as they are.</li>
 *   <li>{@code document.sm3}: the SM3 digest (GB/T 32905) of each document's content, computed here for the
 *       documents already stored (a document altered before this migration would get the digest of its altered
 *       content; its SHA-256, checked as well, still tells).</li>
 * </ul>
 */
public class V26__Personal_data_and_document_sm3 extends BaseJavaMigration {

    private static final int BATCH = 50;

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE project ALTER COLUMN leader_mobile SET DATA TYPE VARCHAR(200)");
            s.execute("ALTER TABLE project ALTER COLUMN responsible_mobile SET DATA TYPE VARCHAR(200)");
            s.execute("CREATE TABLE personal_data_state (id INTEGER NOT NULL, swept BOOLEAN NOT NULL,"
                    + " CONSTRAINT personal_data_state_pk PRIMARY KEY (id), CONSTRAINT personal_data_state_one"
                    + " CHECK (id = 1))");
            s.execute("INSERT INTO personal_data_state (id, swept) VALUES (1, FALSE)");
            s.execute("ALTER TABLE document ADD COLUMN sm3 VARCHAR(64)");
        }
        List<UUID> ids = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM document ORDER BY id")) {
            while (rs.next()) {
                ids.add(rs.getObject(1, UUID.class));
            }
        }
        try (PreparedStatement read = c.prepareStatement("SELECT content FROM document WHERE id = ?");
             PreparedStatement write = c.prepareStatement("UPDATE document SET sm3 = ? WHERE id = ?")) {
            int pending = 0;
            for (UUID id : ids) {
                read.setObject(1, id);
                String digest;
                try (ResultSet rs = read.executeQuery()) {
                    if (!rs.next()) {
                        continue;
                    }
                    digest = sm3(rs.getBinaryStream(1));
                }
                write.setString(1, digest);
                write.setObject(2, id);
                write.addBatch();
                if (++pending == BATCH) {
                    write.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                write.executeBatch();
            }
        }
    }

    private static String sm3(InputStream in) throws java.io.IOException {
        SM3Digest digest = new SM3Digest();
        try (in) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }
}
