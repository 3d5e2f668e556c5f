package cn.egov.projects.persistence.backup;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Map;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a backup archive holds, written into it as {@code manifest.properties}: the archive format, the kind of
 * database, its schema version, when and by whom it was made, the rows of every table, the audit chain's head (last
 * record, number of records, last seal) and the SM3 digest and size of the data entry.
 *
 * @param vendor        {@code h2} or {@code postgresql}
 * @param counts        rows per table, by table name
 * @param auditLastId   the number of the last sealed audit record
 * @param auditCount    how many audit records the chain holds (those committed but not linked yet are counted in
 *                      {@code counts} under {@code audit_pending})
 * @param auditLastSeal the last record's seal
 * @param dataEntry     the name of the data entry in the archive
 * @param dataSm3       the SM3 digest of the data entry, as 64 lowercase hex digits
 * @param dataBytes     the size of the data entry
 */
public record Manifest(String vendor, String schemaVersion, Instant createdAt, String createdBy,
                       SortedMap<String, Long> counts, long auditLastId, long auditCount, String auditLastSeal,
                       String dataEntry, String dataSm3, long dataBytes) {

    /** The format written into every archive; a restore reads only this one. */
    public static final String FORMAT = "egov-projects-backup/1";
    public static final String H2 = "h2";
    public static final String POSTGRESQL = "postgresql";

    public Manifest {
        counts = Collections.unmodifiableSortedMap(new TreeMap<>(counts));
    }

    /** The rows of a table as the manifest counts them (0 when the table is not counted). */
    public long count(String table) {
        return counts.getOrDefault(table, 0L);
    }

    /** The manifest as the text stored in the archive (UTF-8, one {@code key=value} a line, sorted). */
    public byte[] toBytes() {
        SortedMap<String, String> lines = new TreeMap<>();
        lines.put("format", FORMAT);
        lines.put("vendor", vendor);
        lines.put("schemaVersion", schemaVersion);
        lines.put("createdAt", createdAt.toString());
        lines.put("createdBy", createdBy);
        counts.forEach((table, n) -> lines.put("count." + table, Long.toString(n)));
        lines.put("audit.lastId", Long.toString(auditLastId));
        lines.put("audit.recordCount", Long.toString(auditCount));
        lines.put("audit.lastSeal", auditLastSeal);
        lines.put("data.entry", dataEntry);
        lines.put("data.sm3", dataSm3);
        lines.put("data.bytes", Long.toString(dataBytes));
        StringBuilder text = new StringBuilder("# egov-projects backup manifest\n");
        lines.forEach((k, v) -> text.append(k).append('=').append(escape(v)).append('\n'));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String value) {
        StringBuilder b = new StringBuilder();
        for (char ch : value.toCharArray()) {
            switch (ch) {
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }

    /**
     * Reads a manifest.
     *
     * @throws BackupException (DAMAGED) when it is not one of this format
     */
    public static Manifest parse(byte[] bytes) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
        } catch (IOException | IllegalArgumentException e) {
            throw damaged("清单无法读取", "the manifest cannot be read", e);
        }
        if (!FORMAT.equals(p.getProperty("format"))) {
            throw damaged("清单的格式不是" + FORMAT, "the manifest is not of format " + FORMAT, null);
        }
        SortedMap<String, Long> counts = new TreeMap<>();
        for (Map.Entry<Object, Object> e : p.entrySet()) {
            String key = (String) e.getKey();
            if (key.startsWith("count.")) {
                counts.put(key.substring("count.".length()), number(p, key));
            }
        }
        try {
            return new Manifest(required(p, "vendor"), required(p, "schemaVersion"),
                    Instant.parse(required(p, "createdAt")), required(p, "createdBy"), counts,
                    number(p, "audit.lastId"), number(p, "audit.recordCount"), required(p, "audit.lastSeal"),
                    required(p, "data.entry"), required(p, "data.sm3"), number(p, "data.bytes"));
        } catch (DateTimeParseException e) {
            throw damaged("清单中的时间无法读取", "the manifest's time cannot be read", e);
        }
    }

    private static String required(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null) {
            throw damaged("清单缺少" + key, "the manifest has no " + key, null);
        }
        return v;
    }

    private static long number(Properties p, String key) {
        try {
            return Long.parseLong(required(p, key).trim());
        } catch (NumberFormatException e) {
            throw damaged("清单中的" + key + "不是数字", "the manifest's " + key + " is not a number", e);
        }
    }

    static BackupException damaged(String whyZh, String whyEn, Throwable cause) {
        return new BackupException(BackupException.Kind.DAMAGED, "备份文件已损坏或不是本系统的备份：" + whyZh,
                "the archive is damaged or not a backup of this application: " + whyEn, cause);
    }
}
