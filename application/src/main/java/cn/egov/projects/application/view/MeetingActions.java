package cn.egov.projects.application.view;

import cn.egov.projects.domain.access.Action;
import cn.egov.projects.domain.deadline.DeadlineKind;

/**
 * The action in the system that meets a deadline of each kind: where a to-do item and a message of the inbox (消息中心)
 * send the person.
 */
public final class MeetingActions {

    private MeetingActions() {
    }

    public static Action of(DeadlineKind kind) {
        return switch (kind) {
            case IMPL_PLAN -> Action.SUBMIT_IMPLEMENTATION_PLAN;
            case CONTRACT_FILING -> Action.FILE_CONTRACT;
            case PROGRESS_REPORT -> Action.REPORT_PROGRESS;
            case SUBSTANTIVE_START -> Action.SIGN_CONTRACT;
            case ACCEPTANCE_LIMIT -> Action.RECORD_ACCEPTANCE;
            case ACCEPTANCE_REPORT -> Action.FILE_ACCEPTANCE_REPORT;
            case FINAL_ACCOUNTS -> Action.FILE_FINAL_ACCOUNTS;
            case WARRANTY_END -> Action.RECORD_MAINTENANCE;
            case WINDOW_CLOSING -> Action.DECLARE;
        };
    }
}
