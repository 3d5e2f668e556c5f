package cn.egov.projects.application.port.in;

import cn.egov.projects.domain.project.AccountablePeople;
import cn.egov.projects.domain.project.ProjectId;

/**
 * The full values of personal data shown masked everywhere else (个人信息保护, 等保 2.0 level 3): only to a caller
 * entitled to them, and each unmasking recorded in the security audit trail (who, whose, which fields, why).
 */
public interface PersonalDataUseCase {

    /** The longest reason kept with an unmasking. */
    int MAX_REASON = 200;

    /** An account's full mobile number and e-mail address (either may be null). */
    record Contacts(String userId, String mobile, String email) {
    }

    /**
     * The full contacts of an account: to the person themself, and to an administrator who may grant the account's
     * role (系统管理员 for ordinary accounts, 安全保密管理员 for every account).
     *
     * @throws cn.egov.projects.application.error.ForbiddenException when the caller is not entitled (recorded)
     * @throws cn.egov.projects.application.error.NotFoundException  when an administrator names no account
     */
    Contacts revealAccount(Caller caller, String userId, String reason);

    /**
     * The full contacts of a project's accountable people (Art. 19): to its unit's staff and leaders and to the
     * Bureau's officers; null when the project names none yet.
     *
     * @throws cn.egov.projects.application.error.NotFoundException  when the caller may not see the project at all
     * @throws cn.egov.projects.application.error.ForbiddenException when the caller sees the project but is not
     *                                                               entitled to its people's contacts
     */
    AccountablePeople revealProject(Caller caller, ProjectId project, String reason);
}
