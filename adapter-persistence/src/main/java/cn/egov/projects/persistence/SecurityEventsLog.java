package cn.egov.projects.persistence;

import cn.egov.projects.application.port.out.AuditRecord;
import cn.egov.projects.application.view.Masks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The security events log: one line on the logger {@value #NAME} for every audit record once it is committed, so
 * that the security events reach wherever the logs go (the daily files, and a central log server with
 * {@code EGOV_SYSLOG}) as well as the sealed audit trail in the database. A line names the record's number, action,
 * who (user id, role, unit), the article, the request id, the source address and, for an action on a project, the
 * project's id and its change of state; the summary only for actions outside a project (sign-ins, refusals, exports,
 * backups, administration), for a project's summary may name it and classified projects are never named outside
 * their records. Mobile numbers and e-mail addresses are masked; no value spans lines.
 */
public final class SecurityEventsLog {

    /** The logger's name. */
    public static final String NAME = "cn.egov.projects.security";
    private static final Logger LOG = LoggerFactory.getLogger(NAME);
    private static final int MAX_SUMMARY = 500;

    private SecurityEventsLog() {
    }

    static void written(long id, AuditRecord r) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        StringBuilder line = new StringBuilder("audit ").append(id).append(' ').append(value(r.action()))
                .append(" user=").append(value(r.userId()))
                .append(" role=").append(r.role() == null ? "-" : r.role().name())
                .append(" unit=").append(value(r.unit()))
                .append(" article=").append(value(r.article()))
                .append(" request=").append(value(r.requestId()))
                .append(" source=").append(value(r.sourceAddress()));
        if (r.projectId() != null) {
            line.append(" project=").append(value(r.projectId()));
            if (r.fromState() != null || r.toState() != null) {
                line.append(" state=").append(r.fromState() == null ? "-" : r.fromState().name()).append("->")
                        .append(r.toState() == null ? "-" : r.toState().name());
            }
        } else if (r.summary() != null) {
            String summary = r.summary().length() > MAX_SUMMARY ? r.summary().substring(0, MAX_SUMMARY) + "…"
                    : r.summary();
            line.append(" summary=\"").append(flat(summary).replace("\"", "'")).append('"');
        }
        LOG.info(Masks.redact(line.toString()));
    }

    private static String value(String v) {
        if (v == null || v.isEmpty()) {
            return "-";
        }
        return flat(v).replace(' ', '_');
    }

    /** Control characters (line breaks above all) replaced: one event, one line. */
    private static String flat(String v) {
        StringBuilder b = new StringBuilder(v.length());
        v.codePoints().forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return b.toString();
    }
}
