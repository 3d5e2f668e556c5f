package cn.egov.projects.domain.access;

import cn.egov.projects.domain.policy.PolicyPack;
import cn.egov.projects.domain.policy.PolicyPacks;
import cn.egov.projects.domain.rule.Provision;

import java.util.EnumSet;
import java.util.Set;

import static cn.egov.projects.domain.access.Role.AUDIT;
import static cn.egov.projects.domain.access.Role.BDB_OFFICER;
import static cn.egov.projects.domain.access.Role.CYBERSEC;
import static cn.egov.projects.domain.access.Role.EXPERT;
import static cn.egov.projects.domain.access.Role.FINANCE;
import static cn.egov.projects.domain.access.Role.SECRECY;
import static cn.egov.projects.domain.access.Role.UNIT_LEADER;
import static cn.egov.projects.domain.access.Role.UNIT_STAFF;

/**
 * Every staff action of the lifecycle, with the provision that gives it and the roles that may take it
 * (RULES.md §1). Unit roles act on their own unit's projects only; that scope is decided by {@link AccessPolicy}.
 */
public enum Action {
    VIEW_PROJECT(Provision.UNIT_RESPONSIBILITY, "查看项目", UNIT_STAFF, UNIT_LEADER, BDB_OFFICER, FINANCE, AUDIT, CYBERSEC, SECRECY, EXPERT),
    CREATE_DRAFT(Provision.DECLARATION, "新建项目草稿", UNIT_STAFF, UNIT_LEADER),
    EDIT_DRAFT(Provision.DECLARATION, "修改项目草稿", UNIT_STAFF, UNIT_LEADER),
    DECLARE(Provision.DECLARATION, "申报项目", UNIT_STAFF, UNIT_LEADER),
    DECLARE_SUPPLEMENTARY(Provision.SUPPLEMENTARY, "追加申报项目", UNIT_STAFF, UNIT_LEADER),
    OPEN_WINDOW(Provision.DECLARATION, "启动年度集中申报", BDB_OFFICER),
    START_REVIEW(Provision.REVIEW_AND_APPROVAL, "组织专家评审", BDB_OFFICER),
    RECORD_REVIEW(Provision.REVIEW_AND_APPROVAL, "录入评审意见", BDB_OFFICER),
    /** Art. 1, 6: the applicant and the reviewers see the projects and catalogued resources that look alike. */
    VIEW_SIMILAR_PROJECTS(Provision.RESOURCE_REUSE, "查看相似项目和资源", UNIT_STAFF, UNIT_LEADER, BDB_OFFICER, EXPERT),
    /** Art. 1, 6: the Bureau's opinion on reuse and duplicate construction of a declared project. */
    RECORD_REUSE_OPINION(Provision.RESOURCE_REUSE, "录入复用与重复建设审查意见", BDB_OFFICER),
    PROPOSE_FUNDING(Provision.REVIEW_AND_APPROVAL, "提出资金安排意见", FINANCE),
    RECORD_APPROVAL(Provision.REVIEW_AND_APPROVAL, "录入市政府审定意见", BDB_OFFICER),
    ISSUE_PLAN(Provision.ANNUAL_PLAN, "下达年度实施计划", BDB_OFFICER),
    ADD_TO_PLAN(Provision.SUPPLEMENTARY, "追加列入实施计划", BDB_OFFICER),
    REPORT_HIGHER_LEVEL_FUNDING(Provision.HIGHER_LEVEL_FUNDING, "报送上级统筹资金项目情况", UNIT_STAFF, UNIT_LEADER),
    SUBMIT_IMPLEMENTATION_PLAN(Provision.IMPLEMENTATION_PLAN, "报送实施方案", UNIT_STAFF, UNIT_LEADER),
    PRE_PROCUREMENT_REVIEW(Provision.IMPLEMENTATION_PLAN, "实施前评审", BDB_OFFICER),
    RECORD_START_WITHOUT_PROCUREMENT(Provision.START_AND_TERMINATION, "记录无需采购的开工", UNIT_STAFF, UNIT_LEADER),
    SIGN_CONTRACT(Provision.CONTRACT, "录入合同", UNIT_STAFF, UNIT_LEADER),
    FILE_CONTRACT(Provision.CONTRACT, "报送合同", UNIT_STAFF, UNIT_LEADER),
    REPORT_PROGRESS(Provision.PROGRESS_REPORT, "报送进度报告", UNIT_STAFF, UNIT_LEADER),
    REQUEST_CHANGE(Provision.CHANGE, "申请变更", UNIT_STAFF, UNIT_LEADER),
    DECIDE_CHANGE(Provision.CHANGE, "审批变更", BDB_OFFICER),
    REPORT_SITUATION(Provision.START_AND_TERMINATION, "报送延期、中止或终止报告", UNIT_STAFF, UNIT_LEADER),
    RESUME(Provision.START_AND_TERMINATION, "恢复实施", UNIT_STAFF, UNIT_LEADER, BDB_OFFICER),
    TERMINATE(Provision.START_AND_TERMINATION, "终止项目", BDB_OFFICER),
    RECORD_FUND_RECOVERY(Provision.START_AND_TERMINATION, "收回项目资金", FINANCE),
    RECORD_START_EXCEPTION(Provision.START_AND_TERMINATION, "记录未实质性启动的例外处理", BDB_OFFICER),
    WAIVE_DEADLINE(Provision.PROGRESS_REPORT, "豁免期限", BDB_OFFICER),
    RECORD_CYBERSEC_REVIEW(Provision.AUTHORITIES, "录入网络安全审查意见", CYBERSEC),
    RECORD_CRYPTO_REVIEW(Provision.AUTHORITIES, "录入密码应用审查意见", SECRECY),
    START_TRIAL_RUN(Provision.TRIAL_RUN, "上线试运行", UNIT_STAFF, UNIT_LEADER),
    FILE_SELF_INSPECTION(Provision.SELF_INSPECTION, "报送项目自查报告", UNIT_STAFF, UNIT_LEADER),
    /** Art. 23: the unit registers the information resources its project builds (资源目录). */
    MANAGE_RESOURCE_CATALOGUE(Provision.SELF_INSPECTION, "登记资源目录", UNIT_STAFF, UNIT_LEADER),
    /** Recorded by whom the stage held next says ({@code AcceptanceStage.recordedBy}): the unit, or the Bureau. */
    RECORD_ACCEPTANCE(Provision.ACCEPTANCE, "录入竣工验收结果", UNIT_STAFF, UNIT_LEADER, BDB_OFFICER),
    PUT_INTO_OPERATION(Provision.USE_AFTER_ACCEPTANCE, "投入使用", UNIT_STAFF, UNIT_LEADER),
    FILE_ACCEPTANCE_REPORT(Provision.ACCEPTANCE_REPORT, "报送验收报告", UNIT_STAFF, UNIT_LEADER),
    FILE_FINAL_ACCOUNTS(Provision.FINAL_ACCOUNTS, "竣工决算备案", UNIT_STAFF, UNIT_LEADER, FINANCE),
    RECORD_MAINTENANCE(Provision.OPERATION_AND_MAINTENANCE, "记录运维安排", UNIT_STAFF, UNIT_LEADER),
    ATTACH_DOCUMENT(Provision.ACCEPTANCE, "上传项目文档", UNIT_STAFF, UNIT_LEADER, BDB_OFFICER, FINANCE, CYBERSEC, SECRECY, EXPERT),
    /**
     * Art. 4, 27: the secrecy office names the people of a classified project's 知悉范围 besides its unit — the
     * Bureau's officers, Finance, the Cyberspace office, Audit, experts — and removes them.
     */
    ASSIGN_TO_SCOPE(Provision.CLASSIFIED, "指定涉密项目知悉范围人员", SECRECY),
    /**
     * Art. 8: the Bureau draws the experts who review a project (from the expert pool, with avoidance); the project's
     * unit never names, removes or, before the review ends, sees them.
     */
    ASSIGN_REVIEW_EXPERT(Provision.REVIEW_AND_APPROVAL, "指定评审专家", BDB_OFFICER),
    /**
     * Art. 24: the experts who accept a project, named or drawn once it runs on trial by whom records the stage of
     * acceptance held next ({@code AcceptanceStage.recordedBy}): the implementing unit (Taicang), or the Bureau for
     * a stage it records (the final acceptance of a two-stage pack).
     */
    ASSIGN_ACCEPTANCE_EXPERT(Provision.ACCEPTANCE, "指定验收专家", UNIT_STAFF, UNIT_LEADER, BDB_OFFICER),
    VIEW_AUDIT_TRAIL(Provision.AUTHORITIES, "查看操作记录", AUDIT, BDB_OFFICER),
    /** Art. 4: the yearly performance evaluation, read by the Bureau, Finance and Audit, and by units (their own). */
    VIEW_PERFORMANCE(Provision.AUTHORITIES, "查看绩效考核", BDB_OFFICER, FINANCE, AUDIT, UNIT_STAFF, UNIT_LEADER),
    /** Art. 4: the Bureau records the final grade of a project or a unit for a plan year. */
    EVALUATE_PERFORMANCE(Provision.AUTHORITIES, "绩效考核评定", BDB_OFFICER),
    /** Accounts and units; which roles one may grant is {@link Role#mayGrant} (三员分立). */
    MANAGE_ACCOUNTS(Provision.AUTHORITIES, "管理账号和单位", Role.ADMIN, Role.SECURITY_ADMIN),
    /** The security audit trail (sign-ins, refusals, administrative actions, exports) and the check of its chain. */
    VIEW_SECURITY_AUDIT(Provision.AUTHORITIES, "查看安全审计记录", Role.AUDIT_ADMIN),
    MANAGE_DEAD_LETTERS(Provision.AUTHORITIES, "处理发送失败的提醒", Role.ADMIN);

    private final Provision provision;
    private final String zh;
    private final Set<Role> roles;

    Action(Provision provision, String zh, Role first, Role... more) {
        this.provision = provision;
        this.zh = zh;
        this.roles = Set.copyOf(EnumSet.of(first, more));
    }

    /** The provision that gives the action; the pack in force says which article that is. */
    public Provision provision() {
        return provision;
    }

    /** The article that gives the action under a pack. */
    public int article(PolicyPack pack) {
        return pack.article(provision);
    }

    /** The article that gives the action under Taicang's measures (the default pack). */
    public int article() {
        return article(PolicyPacks.taicang());
    }

    public String zh() {
        return zh;
    }

    public Set<Role> roles() {
        return roles;
    }

    /** Whether the action reads only. */
    public boolean isReadOnly() {
        return this == VIEW_PROJECT || this == VIEW_AUDIT_TRAIL || this == VIEW_SECURITY_AUDIT || this == VIEW_PERFORMANCE;
    }
}
