package cn.egov.projects.application.service;

import cn.egov.projects.application.error.ForbiddenException;
import cn.egov.projects.application.error.InvalidCommandException;
import cn.egov.projects.application.error.NotFoundException;
import cn.egov.projects.application.error.RefusedException;
import cn.egov.projects.application.fake.FakeWorld;
import cn.egov.projects.application.fake.People;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.CreateDraftCommand;
import cn.egov.projects.application.port.in.DeclareProjectCommand;
import cn.egov.projects.application.port.in.FileContractCommand;
import cn.egov.projects.application.port.in.FileSelfInspectionCommand;
import cn.egov.projects.application.port.in.GradeProjectCommand;
import cn.egov.projects.application.port.in.GradeUnitCommand;
import cn.egov.projects.application.port.in.IssueAnnualPlanCommand;
import cn.egov.projects.application.port.in.OpenDeclarationWindowCommand;
import cn.egov.projects.application.port.in.PreProcurementReviewCommand;
import cn.egov.projects.application.port.in.ProposeFundingCommand;
import cn.egov.projects.application.port.in.RecordApprovalCommand;
import cn.egov.projects.application.port.in.RecordReviewCommand;
import cn.egov.projects.application.port.in.SignContractCommand;
import cn.egov.projects.application.port.in.StartReviewCommand;
import cn.egov.projects.application.port.in.StartTrialRunCommand;
import cn.egov.projects.application.port.in.SubmitImplementationPlanCommand;
import cn.egov.projects.application.port.out.AuditRecord;
import cn.egov.projects.application.view.ProjectEvaluation;
import cn.egov.projects.application.view.UnitEvaluation;
import cn.egov.projects.application.view.YearEvaluation;
import cn.egov.projects.domain.access.Action;
import cn.egov.projects.domain.money.Money;
import cn.egov.projects.domain.performance.Grade;
import cn.egov.projects.domain.performance.PerformanceGrade;
import cn.egov.projects.domain.performance.ProjectScore;
import cn.egov.projects.domain.calendar.PeriodArithmetic;
import cn.egov.projects.domain.calendar.WorkingDayCalendar;
import cn.egov.projects.domain.deadline.DeadlineCalculator;
import cn.egov.projects.domain.policy.PolicyPack;
import cn.egov.projects.domain.policy.PolicyPacks;
import cn.egov.projects.domain.project.Attainment;
import cn.egov.projects.domain.project.Contract;
import cn.egov.projects.domain.project.FundingOpinion;
import cn.egov.projects.domain.project.GovernmentApproval;
import cn.egov.projects.domain.project.ImplementationPlan;
import cn.egov.projects.domain.project.PlanInclusion;
import cn.egov.projects.domain.project.PreProcurementReview;
import cn.egov.projects.domain.project.Project;
import cn.egov.projects.domain.project.ReviewOpinion;
import cn.egov.projects.domain.project.SelfInspection;
import cn.egov.projects.domain.rule.Outcome;
import cn.egov.projects.domain.project.GoalAchievement;
import cn.egov.projects.domain.project.GoalKind;
import cn.egov.projects.domain.project.PerformanceGoal;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.ProjectProfile;
import cn.egov.projects.domain.project.ProjectState;
import cn.egov.projects.domain.project.UnitId;
import cn.egov.projects.domain.rule.RuleCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static cn.egov.projects.application.fake.People.HEALTH;
import static cn.egov.projects.application.fake.People.POLICE;
import static cn.egov.projects.application.fake.People.admin;
import static cn.egov.projects.application.fake.People.audit;
import static cn.egov.projects.application.fake.People.bureau;
import static cn.egov.projects.application.fake.People.bureauAssigned;
import static cn.egov.projects.application.fake.People.cybersec;
import static cn.egov.projects.application.fake.People.finance;
import static cn.egov.projects.application.fake.People.healthStaff;
import static cn.egov.projects.application.fake.People.policeStaff;
import static cn.egov.projects.application.fake.People.secrecy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("年度绩效考核（第四条）：计分、查看范围、评定等级与操作记录")
class PerformanceServiceTest {

    private static final PerformanceGoal INTERFACES = PerformanceGoal.of("新增数据共享接口", GoalKind.OUTPUT, "≥30个");
    private static final PerformanceGoal SATISFACTION = PerformanceGoal.of("群众满意度", GoalKind.SATISFACTION, "≥95%");
    private static final List<PerformanceGoal> THREE_GOALS = List.of(INTERFACES, People.GOAL, SATISFACTION);

    private final FakeWorld world = new FakeWorld(LocalDate.of(2024, 8, 1));

    /** All met (100). */
    private ProjectId allMet;
    /** Output met, benefit partly met, satisfaction not met: 50 + 15 + 0 = 65. */
    private ProjectId mixed;
    /** The health bureau's project, in the plan but not yet self-inspected. */
    private ProjectId unreported;
    /** The police bureau's classified project, all met. */
    private ProjectId classified;
    /** Declared, not in any plan. */
    private ProjectId declaredOnly;

    private static ProjectProfile profile(String name, boolean classified) {
        ProjectProfile base = classified ? People.classifiedProfile(2025) : People.smartPolicePlatform(2025);
        return new ProjectProfile(name, 2025, base.category(), base.nature(), null, null, base.softwareDevelopment(),
                base.funding(), classified, false, base.scopeItems(), THREE_GOALS, base.budgetLines(),
                base.people());
    }

    private void on(int year, int month, int day) {
        world.clock.set(LocalDate.of(year, month, day));
    }

    private ProjectId declared(Caller staff, ProjectProfile profile) {
        on(2024, 8, 20);
        ProjectId id = world.declarations.createDraft(staff, new CreateDraftCommand(profile));
        world.declarations.declare(staff, new DeclareProjectCommand(id, null));
        return id;
    }

    private void approve(ProjectId id, ProjectProfile profile, Caller bureau) {
        on(2024, 10, 10);
        world.approvals.startReview(bureau, new StartReviewCommand(id, null));
        world.approvals.recordReview(bureau, new RecordReviewCommand(id, null, true, List.of("甲", "乙", "丙"), "同意"));
        world.approvals.proposeFunding(finance(), new ProposeFundingCommand(id, null, profile.totalInvestment(),
                "同意"));
        world.approvals.recordApproval(bureau, new RecordApprovalCommand(id, null, profile.totalInvestment(), "批复"));
    }

    /** Implementation plan, procurement, a contract filed on time, a trial run from 2025-06-01, a self-inspection. */
    private void selfInspected(ProjectId id, Caller staff, Caller bureau, ProjectProfile profile,
                               GoalAchievement... achievements) {
        on(2025, 2, 20);
        world.implementation.submitImplementationPlan(staff, new SubmitImplementationPlanCommand(id, null,
                profile.scopeItems(), profile.totalInvestment(), "按计划实施"));
        on(2025, 3, 3);
        world.implementation.reviewBeforeProcurement(bureau, new PreProcurementReviewCommand(id, null, true, "同意"));
        on(2025, 4, 28);
        world.implementation.signContract(staff, new SignContractCommand(id, null, "HT-" + id.toString().substring(0, 8),
                "苏州某信息技术有限公司", Money.yuan("100000"), LocalDate.of(2025, 4, 25), null));
        world.implementation.fileContract(staff, new FileContractCommand(id, null, "HT-" + id.toString().substring(0, 8)));
        on(2025, 6, 1);
        world.acceptance.startTrialRun(staff, new StartTrialRunCommand(id, null, LocalDate.of(2025, 6, 1)));
        on(2025, 9, 1);
        world.acceptance.fileSelfInspection(staff, new FileSelfInspectionCommand(id, null, "建设内容已完成",
                "资源目录已整理", null, List.of(achievements)));
    }

    /**
     * The police bureau's classified project in the same plan, self-inspected with every goal met — taken there by
     * the domain itself: Finance, which gives the funding opinion, is outside a classified project's 知悉范围 here.
     */
    private ProjectId classifiedSelfInspected(ProjectProfile profile) {
        PolicyPack pack = PolicyPacks.taicang();
        DeadlineCalculator calc = new DeadlineCalculator(pack, new PeriodArithmetic(WorkingDayCalendar.official()));
        Project p = Project.draft(ProjectId.random(), POLICE, profile, pack.id(), LocalDate.of(2024, 8, 20));
        Money budget = profile.totalInvestment();
        List<Outcome> steps = List.of(
                p.declare(LocalDate.of(2024, 8, 20), world.windows.find(2025), pack),
                p.startReview(LocalDate.of(2024, 10, 10), pack),
                p.recordReview(new ReviewOpinion(LocalDate.of(2024, 10, 10), true, List.of("甲", "乙", "丙"), "同意"),
                        pack),
                p.proposeFunding(new FundingOpinion(LocalDate.of(2024, 10, 10), budget, "同意"), pack),
                p.recordApproval(new GovernmentApproval(LocalDate.of(2024, 10, 10), budget, "批复"), pack),
                p.includeInPlan(new PlanInclusion(LocalDate.of(2025, 1, 24), 2025, false, "太政办〔2025〕5号"), calc),
                p.submitImplementationPlan(new ImplementationPlan(LocalDate.of(2025, 2, 20), profile.scopeItems(),
                        budget, "按计划实施"), pack),
                p.recordPreProcurementReview(new PreProcurementReview(LocalDate.of(2025, 3, 3), true, "同意"), pack),
                p.signContract(new Contract("HT-SM-1", "某公司", Money.yuan("100000"), LocalDate.of(2025, 4, 25), null,
                        null), calc),
                p.fileContract("HT-SM-1", LocalDate.of(2025, 4, 28), pack),
                p.startTrialRun(LocalDate.of(2025, 6, 1), calc),
                p.fileSelfInspection(new SelfInspection(LocalDate.of(2025, 9, 1), "完成", "已整理", null, List.of(
                        report(INTERFACES, Attainment.MET), report(People.GOAL, Attainment.MET),
                        report(SATISFACTION, Attainment.MET))), pack));
        assertThat(steps).noneMatch(Outcome::isRefused);
        world.projects.insert(p);
        return p.id();
    }

    private static GoalAchievement report(PerformanceGoal goal, Attainment attainment) {
        return GoalAchievement.reported(goal.indicator(), attainment == Attainment.MET ? "100" : "10", attainment,
                attainment == Attainment.MET ? null : "未完全达成的原因");
    }

    @BeforeEach
    void aPlanYear() {
        world.declarations.openWindow(bureau(), new OpenDeclarationWindowCommand(2025, LocalDate.of(2024, 8, 1),
                LocalDate.of(2024, 9, 30)));
        ProjectProfile a = profile("一网通办平台", false);
        ProjectProfile b = profile("智慧公安数据平台", false);
        ProjectProfile c = profile("健康档案平台", false);
        ProjectProfile d = profile("涉密网络改造", true);
        allMet = declared(policeStaff(), a);
        mixed = declared(policeStaff(), b);
        unreported = declared(healthStaff(), c);
        declaredOnly = declared(policeStaff(), profile("视频会议系统扩容", false));
        approve(allMet, a, bureau());
        approve(mixed, b, bureau());
        approve(unreported, c, bureau());
        on(2025, 1, 24);
        world.approvals.issuePlan(bureau(), new IssueAnnualPlanCommand(2025, "太政办〔2025〕5号",
                List.of(allMet, mixed, unreported)));
        selfInspected(allMet, policeStaff(), bureau(), a, report(INTERFACES, Attainment.MET),
                report(People.GOAL, Attainment.MET), report(SATISFACTION, Attainment.MET));
        selfInspected(mixed, policeStaff(), bureau(), b, report(INTERFACES, Attainment.MET),
                report(People.GOAL, Attainment.PARTLY_MET), report(SATISFACTION, Attainment.NOT_MET));
        classified = classifiedSelfInspected(d);
        // each self-inspected project: implementation plan, substantive start and contract filing met on time, the
        // progress report due 2025-07-25 overdue; the health bureau's implementation plan is overdue
        on(2025, 9, 2);
    }

    private static ProjectEvaluation project(YearEvaluation e, ProjectId id) {
        return e.projects().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    private static UnitEvaluation unit(YearEvaluation e, UnitId id) {
        return e.units().stream().filter(u -> u.unit().equals(id)).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("大数据局看到年度计划内的全部非涉密项目：按目标达成加权计分，单位得分为项目平均分七成加期限合规率三成")
    void theBureausEvaluation() {
        YearEvaluation e = world.performance.evaluation(bureau(), 2025);

        assertThat(e.planYear()).isEqualTo(2025);
        assertThat(e.computedOn()).isEqualTo(LocalDate.of(2025, 9, 2));
        assertThat(e.methodZh()).contains("50%", "70%");
        assertThat(e.projects()).extracting(ProjectEvaluation::id).containsExactlyInAnyOrder(allMet, mixed, unreported);
        assertThat(project(e, allMet).score().score()).isEqualByComparingTo("100.0");
        assertThat(project(e, allMet).suggestedGrade()).isEqualTo(Grade.EXCELLENT);
        assertThat(project(e, mixed).score().score()).isEqualByComparingTo("65.0");
        assertThat(project(e, mixed).score().basis()).isEqualTo(ProjectScore.Basis.SELF_INSPECTION);
        assertThat(project(e, mixed).suggestedGrade()).isEqualTo(Grade.FAIR);
        assertThat(project(e, unreported).score().basis()).isEqualTo(ProjectScore.Basis.NOT_REPORTED);
        assertThat(project(e, unreported).suggestedGrade()).isNull();

        UnitEvaluation police = unit(e, POLICE);
        assertThat(police.projects()).isEqualTo(2);
        assertThat(police.scoredProjects()).isEqualTo(2);
        assertThat(police.projectAverage()).isEqualByComparingTo("82.5");
        assertThat(List.of(police.compliance().metOnTime(), police.compliance().metLate(),
                police.compliance().overdue())).containsExactly(6L, 0L, 2L);
        assertThat(police.complianceScore()).isEqualByComparingTo("75.0");
        // 0.7 × 82.5 + 0.3 × 75.0 = 80.25
        assertThat(police.score()).isEqualByComparingTo("80.3");
        assertThat(police.suggestedGrade()).isEqualTo(Grade.GOOD);

        UnitEvaluation health = unit(e, HEALTH);
        assertThat(health.scoredProjects()).isZero();
        assertThat(health.projectAverage()).isNull();
        assertThat(health.score()).isNull();
        assertThat(health.complianceScore()).isEqualByComparingTo("0.0");
        assertThat(e.units()).extracting(UnitEvaluation::unit).containsExactly(POLICE, HEALTH);
    }

    @Test
    @DisplayName("财政局、审计局看到同样的考核结果；单位只看到本单位，涉密项目只在知悉范围内计入；导出时不含涉密项目")
    void whoSeesWhat() {
        YearEvaluation bureauView = world.performance.evaluation(bureau(), 2025);
        assertThat(world.performance.evaluation(finance(), 2025)).isEqualTo(bureauView);
        assertThat(world.performance.evaluation(audit(), 2025)).isEqualTo(bureauView);

        YearEvaluation police = world.performance.evaluation(policeStaff(), 2025);
        assertThat(police.units()).extracting(UnitEvaluation::unit).containsExactly(POLICE);
        assertThat(police.projects()).extracting(ProjectEvaluation::id)
                .containsExactlyInAnyOrder(allMet, mixed, classified);
        assertThat(unit(police, POLICE).projectAverage()).isEqualByComparingTo("88.3");

        YearEvaluation health = world.performance.evaluation(healthStaff(), 2025);
        assertThat(health.projects()).extracting(ProjectEvaluation::id).containsExactly(unreported);
        assertThat(health.units()).extracting(UnitEvaluation::unit).containsExactly(HEALTH);

        assertThat(world.performance.evaluation(bureauAssigned(classified), 2025).projects())
                .extracting(ProjectEvaluation::id).contains(classified);
        YearEvaluation exported = world.performance.exportable(policeStaff(), 2025);
        assertThat(exported.projects()).extracting(ProjectEvaluation::id).containsExactlyInAnyOrder(allMet, mixed);
        assertThat(unit(exported, POLICE).projectAverage()).isEqualByComparingTo("82.5");
        assertThat(world.performance.exportable(bureauAssigned(classified), 2025).projects())
                .extracting(ProjectEvaluation::classified).containsOnly(false);

        for (Caller other : List.of(admin(), cybersec(), secrecy())) {
            assertThatThrownBy(() -> world.performance.evaluation(other, 2025))
                    .isInstanceOfSatisfying(ForbiddenException.class,
                            f -> assertThat(f.violation().messageZh()).contains("「查看绩效考核」由"));
        }
        assertThatThrownBy(() -> world.performance.evaluation(bureau(), 1999))
                .isInstanceOfSatisfying(InvalidCommandException.class, f -> assertThat(f.field()).isEqualTo("year"));
        assertThat(world.performance.evaluation(bureau(), 2026).projects()).isEmpty();
    }

    @Test
    @DisplayName("大数据局评定项目和单位的等级与意见：记入操作记录（第四条），各方查看时随考核结果显示；再次评定替换")
    void theBureauGrades() {
        int before = world.audit.all().size();
        PerformanceGrade grade = world.performance.gradeProject(bureau(), new GradeProjectCommand(2025, mixed,
                Grade.GOOD, "满意度未达成，但已制定整改措施"));
        assertThat(grade.gradedBy()).isEqualTo(bureau().actor().userId());
        world.performance.gradeUnit(bureau(), new GradeUnitCommand(2025, POLICE, Grade.EXCELLENT, null));

        List<AuditRecord> records = world.audit.all().subList(before, world.audit.all().size());
        assertThat(records).hasSize(2).allSatisfy(r -> {
            assertThat(r.action()).isEqualTo(Action.EVALUATE_PERFORMANCE.name());
            assertThat(r.article()).isEqualTo("第四条");
        });
        assertThat(records.get(0).projectId()).isEqualTo(mixed.toString());
        assertThat(records.get(0).summary()).isEqualTo("2025年度绩效考核评定：良（计算得分65.0）");
        assertThat(records.get(0).fromState()).isEqualTo(ProjectState.ACCEPTANCE_PENDING);
        assertThat(records.get(0).toState()).isEqualTo(ProjectState.ACCEPTANCE_PENDING);
        assertThat(records.get(1).projectId()).isNull();
        assertThat(records.get(1).summary()).isEqualTo("2025年度绩效考核评定：单位TC-GAJ为优");

        for (Caller reader : List.of(bureau(), finance(), audit(), policeStaff())) {
            YearEvaluation e = world.performance.evaluation(reader, 2025);
            assertThat(project(e, mixed).grade().grade()).isEqualTo(Grade.GOOD);
            assertThat(project(e, mixed).grade().comment()).isEqualTo("满意度未达成，但已制定整改措施");
            assertThat(unit(e, POLICE).grade().grade()).isEqualTo(Grade.EXCELLENT);
            assertThat(project(e, allMet).grade()).isNull();
        }
        assertThat(unit(world.performance.evaluation(healthStaff(), 2025), HEALTH).grade()).isNull();

        world.performance.gradeProject(bureau(), new GradeProjectCommand(2025, mixed, Grade.FAIR, null));
        assertThat(project(world.performance.evaluation(bureau(), 2025), mixed).grade().grade()).isEqualTo(Grade.FAIR);
        assertThat(world.grades.grades(2025)).hasSize(2);
    }

    @Test
    @DisplayName("评定被拒绝时不留痕迹：非大数据局403、知悉范围外的涉密项目404、未列入该年度计划的项目和没有项目的单位引用第四条拒绝")
    void refusalsLeaveNoTrace() {
        int audited = world.audit.all().size();

        for (Caller other : List.of(finance(), audit(), policeStaff())) {
            assertThatThrownBy(() -> world.performance.gradeProject(other, new GradeProjectCommand(2025, allMet,
                    Grade.GOOD, null))).isInstanceOfSatisfying(ForbiddenException.class,
                    f -> assertThat(f.violation().messageZh()).contains("「绩效考核评定」由市大数据管理局办理"));
        }
        assertThatThrownBy(() -> world.performance.gradeProject(bureau(), new GradeProjectCommand(2025, classified,
                Grade.GOOD, null))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> world.performance.gradeProject(bureau(), new GradeProjectCommand(2025,
                ProjectId.random(), Grade.GOOD, null))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> world.performance.gradeProject(bureau(), new GradeProjectCommand(2025, declaredOnly,
                Grade.GOOD, null))).isInstanceOfSatisfying(RefusedException.class, r -> {
                    assertThat(r.violations()).singleElement().satisfies(v -> {
                        assertThat(v.code()).isEqualTo(RuleCode.ART4_PERFORMANCE_EVALUATION);
                        assertThat(v.messageZh()).startsWith("第四条：").contains("未列入2025年度实施计划");
                    });
                });
        assertThatThrownBy(() -> world.performance.gradeProject(bureau(), new GradeProjectCommand(2026, allMet,
                Grade.GOOD, null))).isInstanceOf(RefusedException.class);
        assertThatThrownBy(() -> world.performance.gradeUnit(bureau(), new GradeUnitCommand(2025,
                new UnitId("TC-JYJ"), Grade.GOOD, null))).isInstanceOfSatisfying(RefusedException.class,
                r -> assertThat(r.violations().get(0).messageZh()).contains("单位TC-JYJ在2025年度没有纳入绩效考核的项目"));

        assertThat(world.audit.all()).hasSize(audited);
        assertThat(world.grades.grades(2025)).isEmpty();

        world.performance.gradeProject(bureauAssigned(classified), new GradeProjectCommand(2025, classified,
                Grade.EXCELLENT, null));
        assertThat(project(world.performance.evaluation(policeStaff(), 2025), classified).grade().grade())
                .isEqualTo(Grade.EXCELLENT);
    }

    @Test
    @DisplayName("评定的输入不正确时返回字段：等级必填、年度范围、意见不超过2000字")
    void badGradeInput() {
        assertThatThrownBy(() -> new GradeProjectCommand(2025, allMet, null, null))
                .isInstanceOfSatisfying(InvalidCommandException.class, e -> assertThat(e.field()).isEqualTo("grade"));
        assertThatThrownBy(() -> new GradeUnitCommand(2101, POLICE, Grade.GOOD, null))
                .isInstanceOfSatisfying(InvalidCommandException.class, e -> assertThat(e.field()).isEqualTo("year"));
        assertThatThrownBy(() -> new GradeUnitCommand(2025, POLICE, Grade.GOOD, "长".repeat(2001)))
                .isInstanceOfSatisfying(InvalidCommandException.class, e -> assertThat(e.field()).isEqualTo("comment"));
    }

    @Test
    @DisplayName("自查报告缺少某项绩效目标的达成情况时拒绝（第二十三条），项目不变、不留记录")
    void aSelfInspectionWithoutEveryGoalIsRefused() {
        ProjectId id = unreported;
        on(2025, 2, 20);
        ProjectProfile c = profile("健康档案平台", false);
        assertThatThrownBy(() -> selfInspected(id, healthStaff(), bureau(), c, report(INTERFACES, Attainment.MET)))
                .isInstanceOfSatisfying(RefusedException.class, r -> assertThat(r.violations())
                        .anySatisfy(v -> assertThat(v.messageZh()).contains("未报告的指标：" + People.GOAL.indicator()
                                + "、群众满意度")));
        assertThat(world.queries.get(healthStaff(), id).project().state()).isEqualTo(ProjectState.TRIAL_RUN);
        assertThat(world.queries.get(healthStaff(), id).project().selfInspection()).isNull();
    }
}
