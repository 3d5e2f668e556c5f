package cn.egov.projects.application.service;

import cn.egov.projects.domain.rule.Provision;
import cn.egov.projects.application.error.ForbiddenException;
import cn.egov.projects.application.error.InvalidCommandException;
import cn.egov.projects.application.error.NotFoundException;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.PersonalDataUseCase;
import cn.egov.projects.application.port.out.Account;
import cn.egov.projects.application.port.out.AccountDirectoryPort;
import cn.egov.projects.application.port.out.AuditRecord;
import cn.egov.projects.domain.access.Action;
import cn.egov.projects.domain.access.Actor;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.project.AccountablePeople;
import cn.egov.projects.domain.project.Project;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.rule.RuleCode;

import java.util.Objects;

/**
 * Unmasks personal data for those entitled to it ({@link PersonalDataUseCase}), each time with a record in the
 * security audit trail ({@value #UNMASK}), written in the transaction that reads the value: no value leaves without
 * its record. Refusals are {@link ForbiddenException}s, which the web adapter records as well.
 */
public final class PersonalDataService implements PersonalDataUseCase {

    /** The action name of an unmasking in the audit trail. */
    public static final String UNMASK = "UNMASK";

    private final Ports ports;
    private final Lifecycle lifecycle;
    private final AccountDirectoryPort accounts;

    public PersonalDataService(Ports ports, AccountDirectoryPort accounts) {
        this.ports = Objects.requireNonNull(ports, "ports");
        this.lifecycle = new Lifecycle(ports);
        this.accounts = Objects.requireNonNull(accounts, "accounts");
    }

    @Override
    public Contacts revealAccount(Caller caller, String userId, String reason) {
        String why = reason(reason);
        Actor actor = caller.actor();
        boolean self = actor.userId().equals(userId);
        if (!self && actor.role() != Role.ADMIN && actor.role() != Role.SECURITY_ADMIN) {
            throw forbidden("仅本人和管理该账号的管理员可以查看完整的联系方式");
        }
        return ports.tx().inTransaction(() -> {
            Account account = accounts.findById(userId).orElseThrow(() -> new NotFoundException("账号不存在"));
            if (!self && !actor.role().mayGrant(account.role())) {
                throw forbidden(actor.role().zh() + "不能查看「" + account.role().zh() + "」账号的完整联系方式，须由"
                        + Role.SECURITY_ADMIN.zh() + "办理（三员分立）");
            }
            audit(caller, null, "查看完整联系方式：账号 " + account.username() + (self ? "（本人）" : "")
                    + "的手机号码、电子邮箱" + why);
            return new Contacts(account.userId(), account.mobile(), account.email());
        });
    }

    @Override
    public AccountablePeople revealProject(Caller caller, ProjectId projectId, String reason) {
        String why = reason(reason);
        return ports.tx().inTransaction(() -> {
            Project project = lifecycle.loadFor(caller, projectId, Action.VIEW_PROJECT);
            Actor actor = caller.actor();
            boolean ownUnit = (actor.role() == Role.UNIT_STAFF || actor.role() == Role.UNIT_LEADER)
                    && actor.unit().equals(project.unit());
            if (!ownUnit && actor.role() != Role.BDB_OFFICER) {
                throw forbidden("项目责任人的完整联系方式仅向本单位人员和大数据局经办人员提供");
            }
            audit(caller, projectId, "查看完整联系方式：项目分管领导、责任人的手机号码、电子邮箱" + why);
            return project.profile().people();
        });
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            return "";
        }
        String text = reason.strip();
        if (text.length() > MAX_REASON) {
            throw new InvalidCommandException("reason", "查看事由不能超过" + MAX_REASON + "个字");
        }
        return "；事由：" + text;
    }

    private void audit(Caller caller, ProjectId project, String summary) {
        Actor actor = caller.actor();
        ports.audit().append(new AuditRecord(ports.clock().now(), actor.userId(), actor.role(), actor.unit().code(),
                UNMASK, lifecycle.packInForce().articleZh(Provision.AUTHORITIES), project == null ? null : project.value().toString(), null, null, caller.requestId(),
                caller.sourceAddress(), summary));
    }

    /** A refusal citing the pack in force's article on the authorities' duties (Taicang Art. 4). */
    private ForbiddenException forbidden(String message) {
        return new ForbiddenException(lifecycle.packInForce().refusal(RuleCode.ART4_ROLE, message));
    }
}
