package cn.egov.projects.application.port.in;

import java.time.Duration;
import java.util.Optional;

/**
 * Rate limits on exports (spreadsheets of plans, deadlines, performance) per account and per client address, so that
 * neither a stolen account nor a script from one address can carry the data off in bulk.
 */
public interface ExportLimitUseCase {

    /** Which limit refused an export, and how long until the next is allowed. */
    record ExportRefused(SignInUseCase.Limit limit, Duration retryAfter) {
    }

    /** No limits. */
    ExportLimitUseCase NONE = (caller, what) -> Optional.empty();

    /**
     * Counts an export by the caller, or refuses it (the first refusal of a window is audited).
     *
     * @param what the export, as the audit trail names it
     * @return empty when the export may go on
     */
    Optional<ExportRefused> admit(Caller caller, String what);
}
