package cn.egov.projects.application.service;

import cn.egov.projects.application.error.ForbiddenException;
import cn.egov.projects.application.error.RefusedException;
import cn.egov.projects.application.fake.FakeWorld;
import cn.egov.projects.application.fake.People;
import cn.egov.projects.application.port.in.CreateDraftCommand;
import cn.egov.projects.application.port.in.DeclareProjectCommand;
import cn.egov.projects.application.port.in.FileAcceptanceReportCommand;
import cn.egov.projects.application.port.in.FileContractCommand;
import cn.egov.projects.application.port.in.FileFinalAccountsCommand;
import cn.egov.projects.application.port.in.FileSelfInspectionCommand;
import cn.egov.projects.application.port.in.IssueAnnualPlanCommand;
import cn.egov.projects.application.port.in.OpenDeclarationWindowCommand;
import cn.egov.projects.application.port.in.PreProcurementReviewCommand;
import cn.egov.projects.application.port.in.ProjectDetails;
import cn.egov.projects.application.port.in.ProposeFundingCommand;
import cn.egov.projects.application.port.in.PutIntoOperationCommand;
import cn.egov.projects.application.port.in.RecordAcceptanceCommand;
import cn.egov.projects.application.port.in.RecordApprovalCommand;
import cn.egov.projects.application.port.in.RecordReviewCommand;
import cn.egov.projects.application.port.in.RecordSecurityReviewCommand;
import cn.egov.projects.application.port.in.SignContractCommand;
import cn.egov.projects.application.port.in.StartReviewCommand;
import cn.egov.projects.application.port.in.StartTrialRunCommand;
import cn.egov.projects.application.port.in.SubmitImplementationPlanCommand;
import cn.egov.projects.application.port.in.TransitionResult;
import cn.egov.projects.application.port.out.AuditRecord;
import cn.egov.projects.domain.deadline.DeadlineKind;
import cn.egov.projects.domain.deadline.DeadlineStatus;
import cn.egov.projects.domain.money.Money;
import cn.egov.projects.domain.policy.PolicyPack;
import cn.egov.projects.domain.policy.PolicyPacks;
import cn.egov.projects.domain.project.Acceptance;
import cn.egov.projects.domain.project.Attainment;
import cn.egov.projects.domain.project.GoalAchievement;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.ProjectState;
import cn.egov.projects.domain.project.SecurityReview;
import cn.egov.projects.domain.rule.RuleCode;
import cn.egov.projects.domain.rule.Violation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static cn.egov.projects.application.fake.People.bureau;
import static cn.egov.projects.application.fake.People.cybersec;
import static cn.egov.projects.application.fake.People.finance;
import static cn.egov.projects.application.fake.People.policeStaff;
import static cn.egov.projects.application.fake.People.smartPolicePlatform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A project's whole life under a pack of a different shape ({@link PolicyPacks#twoStage()}: a preliminary and a
 * final acceptance, 15 working days to file a contract, its own article numbers), on the same kernel as Taicang's,
 * through the real use cases. Every due day was worked out by hand from the official 2025 and 2026 calendars.
 */
class TwoStagePackLifeTest {

    private static final PolicyPack PACK = PolicyPacks.twoStage();
    private final FakeWorld world = new FakeWorld(LocalDate.of(2024, 8, 1), PACK);

    private void on(int year, int month, int day) {
        world.clock.set(LocalDate.of(year, month, day));
    }

    private ProjectDetails details(ProjectId id) {
        return world.queries.get(policeStaff(), id);
    }

    private ProjectDetails.DeadlineView deadline(ProjectId id, DeadlineKind kind) {
        List<ProjectDetails.DeadlineView> all = details(id).deadlines().stream()
                .filter(d -> d.deadline().kind() == kind).toList();
        assertThat(all).as("deadlines of kind %s", kind).isNotEmpty();
        return all.get(all.size() - 1);
    }

    private static Violation refusal(Runnable action) {
        try {
            action.run();
        } catch (RefusedException e) {
            assertThat(e.violations()).hasSize(1);
            return e.violations().get(0);
        }
        throw new AssertionError("the action was not refused");
    }

    @Test
    @DisplayName("两阶段验收政策包下项目的一生：合同15个工作日内报送（跨劳动节），先初步验收后竣工验收，拒绝引用本政策包的条款号")
    void aProjectLivesItsWholeLifeUnderTheTwoStagePack() {
        world.declarations.openWindow(bureau(), new OpenDeclarationWindowCommand(2025,
                LocalDate.of(2024, 8, 1), LocalDate.of(2024, 9, 30)));
        on(2024, 8, 20);
        ProjectId id = world.declarations.createDraft(policeStaff(), new CreateDraftCommand(smartPolicePlatform(2025)));
        world.declarations.declare(policeStaff(), new DeclareProjectCommand(id, null));
        assertThat(details(id).project().policyId()).isEqualTo("example-two-stage");
        on(2024, 10, 10);
        world.approvals.startReview(bureau(), new StartReviewCommand(id, null));
        world.approvals.recordReview(bureau(), new RecordReviewCommand(id, null, true,
                List.of("张专家", "赵专家", "钱专家"), "建设必要，方案可行"));
        on(2024, 11, 15);
        world.approvals.proposeFunding(finance(), new ProposeFundingCommand(id, null, Money.yuan("1260000"), "同意安排"));
        on(2024, 12, 20);
        world.approvals.recordApproval(bureau(), new RecordApprovalCommand(id, null, Money.yuan("1260000"), "批复"));
        on(2025, 1, 24);
        world.approvals.issuePlan(bureau(), new IssueAnnualPlanCommand(2025, "示政办〔2025〕5号", List.of(id)));
        on(2025, 2, 20);
        world.implementation.submitImplementationPlan(policeStaff(), new SubmitImplementationPlanCommand(id, null,
                List.of("数据汇聚平台", "警情分析系统"), Money.yuan("1260000"), "2025年4月招标"));
        on(2025, 3, 3);
        world.implementation.reviewBeforeProcurement(bureau(), new PreProcurementReviewCommand(id, null, true, "同意采购"));

        // Friday 2025-04-25: the contract is signed. 15 working days: Sunday 04-27 (调休), 04-28..04-30 (4), the
        // May Day rest 05-01..05-05 skipped, 05-06..05-09 (8), 05-12..05-16 (13), 05-19, 05-20 (15): Tuesday
        // 2025-05-20 — Monday to Friday alone would have given Friday 05-16. The description says 15, not 7.
        on(2025, 4, 28);
        world.implementation.signContract(policeStaff(), new SignContractCommand(id, null, "HT-2025-001",
                "某信息技术有限公司", Money.yuan("1200000"), LocalDate.of(2025, 4, 25), LocalDate.of(2028, 6, 30)));
        assertThat(deadline(id, DeadlineKind.CONTRACT_FILING).deadline().due()).isEqualTo(LocalDate.of(2025, 5, 20));
        assertThat(DeadlineKind.CONTRACT_FILING.descriptionZh(PACK)).contains("15个工作日").doesNotContain("7个工作日");
        on(2025, 5, 19);
        world.implementation.fileContract(policeStaff(), new FileContractCommand(id, null, "HT-2025-001"));
        assertThat(deadline(id, DeadlineKind.CONTRACT_FILING).status()).isEqualTo(DeadlineStatus.MET_ON_TIME);

        on(2025, 9, 1);
        world.acceptance.startTrialRun(policeStaff(), new StartTrialRunCommand(id, null, LocalDate.of(2025, 9, 1)));
        on(2025, 10, 20);
        world.oversight.recordSecurityReview(cybersec(), new RecordSecurityReviewCommand(id, null,
                SecurityReview.Kind.CYBERSECURITY, true, "符合网络安全要求"));
        on(2025, 10, 28);
        world.acceptance.fileSelfInspection(policeStaff(), new FileSelfInspectionCommand(id, null,
                "全部建设内容已完成", "已整理资源目录32项", "警情处置时间缩短23%", List.of(GoalAchievement.reported(
                        People.GOAL.indicator(), "23%", Attainment.MET, null))));

        // A software project's trial lasts two months: the preliminary acceptance on 2025-11-01 is refused under
        // this pack's 第二十三条 (Taicang's 第二十二条).
        on(2025, 11, 1);
        Violation tooShort = refusal(() -> world.acceptance.recordAcceptance(policeStaff(),
                preliminary(id, LocalDate.of(2025, 11, 1))));
        assertThat(tooShort.code()).isEqualTo(RuleCode.ART22_TRIAL_TOO_SHORT);
        assertThat(tooShort.article()).isEqualTo("第二十三条");
        assertThat(tooShort.messageZh()).startsWith("第二十三条：");

        // The preliminary acceptance passes with three experts and its own documents; the project waits for the
        // final acceptance, and nothing of the accepted project's clocks starts yet.
        on(2025, 11, 3);
        // the preliminary acceptance is the unit's to record (第二十五条): not the Bureau's
        assertThatThrownBy(() -> world.acceptance.recordAcceptance(bureau(), preliminary(id, LocalDate.of(2025, 11, 3))))
                .isInstanceOfSatisfying(ForbiddenException.class, e -> assertThat(e.violation().messageZh())
                        .isEqualTo("第二十五条：「录入初步验收结果」由实施单位分管领导、实施单位经办人员办理"));
        TransitionResult first = world.acceptance.recordAcceptance(policeStaff(), preliminary(id, LocalDate.of(2025, 11, 3)));
        assertThat(first.state()).isEqualTo(ProjectState.ACCEPTANCE_PENDING);
        assertThat(details(id).project().acceptances()).extracting(Acceptance::stage).containsExactly("PRELIMINARY");
        assertThat(details(id).deadlines()).extracting(d -> d.deadline().kind())
                .doesNotContain(DeadlineKind.ACCEPTANCE_REPORT, DeadlineKind.FINAL_ACCOUNTS);
        assertThat(deadline(id, DeadlineKind.ACCEPTANCE_LIMIT).deadline().isOpen()).isTrue();

        // Not yet in use: the final acceptance has not passed (this pack's 第二十二条, Taicang's 第二十一条).
        Violation notAccepted = refusal(() -> world.acceptance.putIntoOperation(policeStaff(),
                new PutIntoOperationCommand(id, null)));
        assertThat(notAccepted.code()).isEqualTo(RuleCode.ART21_NOT_ACCEPTED);
        assertThat(notAccepted.messageZh()).startsWith("第二十二条：").contains("尚未通过竣工验收");

        // A step out of order cites the article that holds it in this pack: the acceptance report is this pack's
        // 第二十七条 (Taicang's 第二十五条).
        Violation early = refusal(() -> world.acceptance.fileAcceptanceReport(policeStaff(),
                new FileAcceptanceReportCommand(id, null)));
        assertThat(early.code()).isEqualTo(RuleCode.LIFECYCLE_ORDER);
        assertThat(early.messageZh()).startsWith("第二十七条：");

        // The final acceptance is organised and recorded by the Bureau (the pack's recordedBy): the unit is refused,
        // citing the final stage's article.
        on(2025, 11, 20);
        assertThatThrownBy(() -> world.acceptance.recordAcceptance(policeStaff(), new RecordAcceptanceCommand(id,
                null, LocalDate.of(2025, 11, 20), true, List.of("甲", "乙", "丙", "丁", "戊"),
                PACK.finalAcceptanceStage().documents(), "同意通过竣工验收")))
                .isInstanceOfSatisfying(ForbiddenException.class, e -> {
                    assertThat(e.violation().code()).isEqualTo(RuleCode.ART4_ROLE);
                    assertThat(e.violation().article()).isEqualTo("第二十六条");
                    assertThat(e.violation().messageZh()).isEqualTo("第二十六条：「录入竣工验收结果」由市大数据管理局办理");
                });

        // The final acceptance asks five experts and its own documents (第二十六条): three are refused.
        Violation smallPanel = refusal(() -> world.acceptance.recordAcceptance(bureau(),
                new RecordAcceptanceCommand(id, null, LocalDate.of(2025, 11, 20), true, List.of("甲", "乙", "丙"),
                        PACK.finalAcceptanceStage().documents(), "同意通过竣工验收")));
        assertThat(smallPanel.code()).isEqualTo(RuleCode.ART24_EXPERTS);
        assertThat(smallPanel.article()).isEqualTo("第二十六条");
        assertThat(smallPanel.messageZh()).startsWith("第二十六条：初步验收合格后").contains("竣工验收专家3名，应不少于5名");
        assertThat(details(id).project().acceptances()).hasSize(1);

        // It passes with five experts: the project is accepted. The acceptance report is due in 10 working days
        // (11-21, 11-24..11-28, 12-01..12-04: Thursday 2025-12-04); the final accounts in 3 months, 2026-02-20,
        // which falls in the Spring Festival rest (02-15..02-23) and moves to Tuesday 2026-02-24.
        TransitionResult accepted = world.acceptance.recordAcceptance(bureau(), new RecordAcceptanceCommand(id,
                null, LocalDate.of(2025, 11, 20), true, List.of("甲", "乙", "丙", "丁", "戊"),
                PACK.finalAcceptanceStage().documents(), "同意通过竣工验收"));
        assertThat(accepted.state()).isEqualTo(ProjectState.ACCEPTED);
        assertThat(details(id).project().acceptances()).extracting(Acceptance::stage)
                .containsExactly("PRELIMINARY", "FINAL");
        // the audit trail records each stage under its own article
        assertThat(world.audit.forProject(id.toString()).stream()
                .filter(r -> r.action().equals("RECORD_ACCEPTANCE")).map(r -> r.article() + r.summary()).toList())
                .satisfiesExactly(r -> assertThat(r).startsWith("第二十五条").contains("初步验收"),
                        r -> assertThat(r).startsWith("第二十六条").contains("竣工验收"));
        assertThat(deadline(id, DeadlineKind.ACCEPTANCE_LIMIT).status()).isEqualTo(DeadlineStatus.MET_ON_TIME);
        assertThat(deadline(id, DeadlineKind.ACCEPTANCE_REPORT).deadline().due()).isEqualTo(LocalDate.of(2025, 12, 4));
        assertThat(deadline(id, DeadlineKind.FINAL_ACCOUNTS).deadline().due()).isEqualTo(LocalDate.of(2026, 2, 24));

        on(2025, 11, 21);
        world.acceptance.putIntoOperation(policeStaff(), new PutIntoOperationCommand(id, null));
        on(2025, 12, 1);
        world.acceptance.fileAcceptanceReport(policeStaff(), new FileAcceptanceReportCommand(id, null));
        on(2026, 1, 20);
        TransitionResult closed = world.acceptance.fileFinalAccounts(finance(),
                new FileFinalAccountsCommand(id, null, Money.yuan("1248000")));
        assertThat(closed.state()).isEqualTo(ProjectState.CLOSED);

        // The audit trail cites this pack's articles (the contract: 第十五条, Taicang's 第十四条) and names each stage
        // of acceptance in order.
        assertThat(world.audit.forProject(id.toString())).filteredOn(r -> r.action().equals("SIGN_CONTRACT"))
                .singleElement().satisfies(r -> assertThat(r.article()).isEqualTo("第十五条"));
        assertThat(deadline(id, DeadlineKind.CONTRACT_FILING).deadline().kind().article(PACK)).isEqualTo(15);
        List<AuditRecord> acceptances = world.audit.forProject(id.toString()).stream()
                .filter(r -> r.action().equals("RECORD_ACCEPTANCE")).toList();
        assertThat(acceptances).extracting(AuditRecord::summary).satisfiesExactly(
                s -> assertThat(s).contains("初步验收：通过"), s -> assertThat(s).contains("竣工验收：通过"));
        assertThat(acceptances).extracting(AuditRecord::toState)
                .containsExactly(ProjectState.ACCEPTANCE_PENDING, ProjectState.ACCEPTED);
    }

    @Test
    @DisplayName("初步验收不通过退回试运行；竣工验收不通过则重新组织竣工验收，初步验收结论仍然有效")
    void aFailedStageIsHeldAgain() {
        on(2024, 8, 1);
        world.declarations.openWindow(bureau(), new OpenDeclarationWindowCommand(2025,
                LocalDate.of(2024, 8, 1), LocalDate.of(2024, 9, 30)));
        ProjectId id = world.declarations.createDraft(policeStaff(), new CreateDraftCommand(smartPolicePlatform(2025)));
        world.declarations.declare(policeStaff(), new DeclareProjectCommand(id, null));
        world.approvals.startReview(bureau(), new StartReviewCommand(id, null));
        world.approvals.recordReview(bureau(), new RecordReviewCommand(id, null, true, List.of("甲", "乙", "丙"), "同意"));
        world.approvals.proposeFunding(finance(), new ProposeFundingCommand(id, null, Money.yuan("1260000"), "同意"));
        world.approvals.recordApproval(bureau(), new RecordApprovalCommand(id, null, Money.yuan("1260000"), "批复"));
        on(2025, 1, 24);
        world.approvals.issuePlan(bureau(), new IssueAnnualPlanCommand(2025, "计划", List.of(id)));
        world.implementation.submitImplementationPlan(policeStaff(), new SubmitImplementationPlanCommand(id, null,
                List.of("数据汇聚平台", "警情分析系统"), Money.yuan("1260000"), "进度"));
        world.implementation.reviewBeforeProcurement(bureau(), new PreProcurementReviewCommand(id, null, true, "同意"));
        on(2025, 4, 28);
        world.implementation.signContract(policeStaff(), new SignContractCommand(id, null, "HT-1", "供应商",
                Money.yuan("1200000"), LocalDate.of(2025, 4, 25), null));
        on(2025, 9, 1);
        world.acceptance.startTrialRun(policeStaff(), new StartTrialRunCommand(id, null, LocalDate.of(2025, 9, 1)));
        world.oversight.recordSecurityReview(cybersec(), new RecordSecurityReviewCommand(id, null,
                SecurityReview.Kind.CYBERSECURITY, true, "符合"));
        selfInspection(id);

        on(2025, 11, 3);
        RecordAcceptanceCommand failed = new RecordAcceptanceCommand(id, null, LocalDate.of(2025, 11, 3), false,
                List.of("张专家", "赵专家", "钱专家"), PACK.acceptanceStages().get(0).documents(), "整改后重新验收");
        assertThat(world.acceptance.recordAcceptance(policeStaff(), failed).state()).isEqualTo(ProjectState.TRIAL_RUN);

        on(2025, 11, 10);
        selfInspection(id);
        world.acceptance.recordAcceptance(policeStaff(), preliminary(id, LocalDate.of(2025, 11, 10)));
        on(2025, 11, 20);
        TransitionResult finalFailed = world.acceptance.recordAcceptance(bureau(), new RecordAcceptanceCommand(id,
                null, LocalDate.of(2025, 11, 20), false, List.of("甲", "乙", "丙", "丁", "戊"),
                PACK.finalAcceptanceStage().documents(), "整改"));
        assertThat(finalFailed.state()).isEqualTo(ProjectState.ACCEPTANCE_PENDING);
        on(2025, 12, 1);
        TransitionResult accepted = world.acceptance.recordAcceptance(bureau(), new RecordAcceptanceCommand(id,
                null, LocalDate.of(2025, 12, 1), true, List.of("甲", "乙", "丙", "丁", "戊"),
                PACK.finalAcceptanceStage().documents(), "通过"));
        assertThat(accepted.state()).isEqualTo(ProjectState.ACCEPTED);
        assertThat(details(id).project().acceptances()).extracting(a -> a.stage() + ":" + a.passed())
                .containsExactly("PRELIMINARY:false", "PRELIMINARY:true", "FINAL:false", "FINAL:true");
    }

    private void selfInspection(ProjectId id) {
        world.acceptance.fileSelfInspection(policeStaff(), new FileSelfInspectionCommand(id, null,
                "全部建设内容已完成", "已整理资源目录", "达成", List.of(GoalAchievement.reported(
                        People.GOAL.indicator(), "23%", Attainment.MET, null))));
    }

    private static RecordAcceptanceCommand preliminary(ProjectId id, LocalDate on) {
        return new RecordAcceptanceCommand(id, null, on, true, List.of("张专家", "赵专家", "钱专家"),
                PACK.acceptanceStages().get(0).documents(), "同意通过初步验收");
    }
}
