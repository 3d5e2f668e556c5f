package cn.egov.projects.application.view;

import java.util.Optional;

/**
 * What the check of the audit trail's sealed chain found.
 *
 * @param checked  records found intact before the first broken one (all of them when intact)
 * @param brokenAt the first record changed, deleted, inserted or reordered; empty when intact, or when the head is
 * @param reason   why, in English, for the log and the operator
 */
public record AuditVerdict(boolean intact, long checked, Optional<Long> brokenAt, String reason) {
}
