package cn.egov.projects.application.fake;

import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.domain.access.Actor;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.catalog.Category;
import cn.egov.projects.domain.catalog.FundingSource;
import cn.egov.projects.domain.catalog.Nature;
import cn.egov.projects.domain.money.Money;
import cn.egov.projects.domain.project.AccountablePeople;
import cn.egov.projects.domain.project.BudgetLine;
import cn.egov.projects.domain.project.Person;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.GoalKind;
import cn.egov.projects.domain.project.PerformanceGoal;
import cn.egov.projects.domain.project.ProjectProfile;
import cn.egov.projects.domain.project.UnitId;

import java.util.List;
import java.util.Set;

/** The people of the tests, and a typical project profile. */
public final class People {

    public static final UnitId POLICE = new UnitId("TC-GAJ");
    public static final UnitId HEALTH = new UnitId("TC-WJW");
    public static final UnitId BUREAU = new UnitId("TC-DSJ");
    public static final UnitId FINANCE_BUREAU = new UnitId("TC-CZJ");

    private People() {
    }

    public static Caller caller(String userId, Role role, UnitId unit) {
        return new Caller(Actor.of(userId, role, unit), "req-" + userId, "127.0.0.1");
    }

    public static Caller policeStaff() {
        return caller("police-staff", Role.UNIT_STAFF, POLICE);
    }

    public static Caller healthStaff() {
        return caller("health-staff", Role.UNIT_STAFF, HEALTH);
    }

    public static Caller bureau() {
        return caller("bdb-officer", Role.BDB_OFFICER, BUREAU);
    }

    public static Caller bureauAssigned(ProjectId classified) {
        return new Caller(new Actor("bdb-assigned", "指定人员", Role.BDB_OFFICER, BUREAU, Set.of(classified)), "r", "-");
    }

    /** The same person as named by the secrecy office into classified projects' scope (Art. 27). */
    public static Caller namedTo(Caller caller, ProjectId... projects) {
        Actor a = caller.actor();
        return new Caller(new Actor(a.userId(), a.name(), a.role(), a.unit(), Set.of(projects)), caller.requestId(),
                caller.sourceAddress());
    }

    public static Caller finance() {
        return caller("finance", Role.FINANCE, FINANCE_BUREAU);
    }

    public static Caller audit() {
        return caller("audit", Role.AUDIT, new UnitId("TC-SJJ"));
    }

    public static Caller cybersec() {
        return caller("cybersec", Role.CYBERSEC, new UnitId("TC-WXB"));
    }

    public static Caller secrecy() {
        return caller("secrecy", Role.SECRECY, new UnitId("TC-BMJ"));
    }

    public static Caller admin() {
        return caller("admin", Role.ADMIN, BUREAU);
    }

    /** The security administrator, who grants every role (三员分立). */
    public static Caller securityAdmin() {
        return caller("secadmin", Role.SECURITY_ADMIN, BUREAU);
    }

    /** The security auditor, who alone reads the security audit trail. */
    public static Caller auditAdmin() {
        return caller("auditadmin", Role.AUDIT_ADMIN, BUREAU);
    }

    public static AccountablePeople accountable() {
        return new AccountablePeople(new Person("王分管", "13900000001", "wang@tc.gov.cn"),
                new Person("李责任", "13900000002", "li@tc.gov.cn"));
    }

    /** The performance goal of {@link #smartPolicePlatform}: a benefit indicator with a numeric target. */
    public static final PerformanceGoal GOAL = PerformanceGoal.of("警情处置时间缩短比例", GoalKind.BENEFIT, "≥20%");

    /** A new software project: 1,200,000 yuan of development and 60,000 yuan of supervision. */
    public static ProjectProfile smartPolicePlatform(int planYear) {
        return new ProjectProfile("智慧公安数据平台", planYear, Category.BUSINESS_SYSTEM, Nature.NEW, null, null,
                true, FundingSource.MUNICIPAL, false, false,
                List.of("数据汇聚平台", "警情分析系统"), List.of(GOAL),
                List.of(new BudgetLine("软件开发", Money.yuan("1200000"), false),
                        new BudgetLine("项目监理", Money.yuan("60000"), true)),
                accountable());
    }

    public static ProjectProfile classifiedProfile(int planYear) {
        return new ProjectProfile("涉密网络改造", planYear, Category.SECURITY_SYSTEM, Nature.CONTINUATION, null, null,
                false, FundingSource.MUNICIPAL, true, false, List.of("涉密网改造"),
                List.of(PerformanceGoal.of("涉密网测评", GoalKind.OUTPUT, "通过分级保护测评")),
                List.of(new BudgetLine("设备与集成", Money.yuan("300000"), false)), accountable());
    }
}
