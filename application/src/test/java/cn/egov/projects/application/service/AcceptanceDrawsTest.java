package cn.egov.projects.application.service;

import cn.egov.projects.application.error.ForbiddenException;
import cn.egov.projects.application.error.RefusedException;
import cn.egov.projects.application.fake.FakeWorkplace;
import cn.egov.projects.application.fake.FakeWorld;
import cn.egov.projects.application.fake.People;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.CreateDraftCommand;
import cn.egov.projects.application.port.in.DeclareProjectCommand;
import cn.egov.projects.application.port.in.DocumentRules;
import cn.egov.projects.application.port.in.DrawCommand;
import cn.egov.projects.application.port.in.ExpertCommand;
import cn.egov.projects.application.port.in.FileContractCommand;
import cn.egov.projects.application.port.in.FileSelfInspectionCommand;
import cn.egov.projects.application.port.in.IssueAnnualPlanCommand;
import cn.egov.projects.application.port.in.OpenDeclarationWindowCommand;
import cn.egov.projects.application.port.in.PreProcurementReviewCommand;
import cn.egov.projects.application.port.in.ProposeFundingCommand;
import cn.egov.projects.application.port.in.RecordAcceptanceCommand;
import cn.egov.projects.application.port.in.RecordApprovalCommand;
import cn.egov.projects.application.port.in.RecordReviewCommand;
import cn.egov.projects.application.port.in.RecordSecurityReviewCommand;
import cn.egov.projects.application.port.in.SignContractCommand;
import cn.egov.projects.application.port.in.StartReviewCommand;
import cn.egov.projects.application.port.in.StartTrialRunCommand;
import cn.egov.projects.application.port.in.SubmitImplementationPlanCommand;
import cn.egov.projects.application.port.out.Account;
import cn.egov.projects.application.port.out.AuditRecord;
import cn.egov.projects.domain.access.Actor;
import cn.egov.projects.domain.access.AssignmentPurpose;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.expert.DrawPurpose;
import cn.egov.projects.domain.expert.ExpertDraw;
import cn.egov.projects.domain.expert.ExpertField;
import cn.egov.projects.domain.money.Money;
import cn.egov.projects.domain.policy.PolicyPack;
import cn.egov.projects.domain.policy.PolicyPacks;
import cn.egov.projects.domain.project.Attainment;
import cn.egov.projects.domain.project.GoalAchievement;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.ProjectState;
import cn.egov.projects.domain.project.SecurityReview;
import cn.egov.projects.domain.project.UnitId;
import cn.egov.projects.domain.rule.RuleCode;
import cn.egov.projects.domain.rule.Violation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static cn.egov.projects.application.fake.People.POLICE;
import static cn.egov.projects.application.fake.People.bureau;
import static cn.egov.projects.application.fake.People.cybersec;
import static cn.egov.projects.application.fake.People.finance;
import static cn.egov.projects.application.fake.People.policeStaff;
import static cn.egov.projects.application.fake.People.smartPolicePlatform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Art. 24 acceptance experts drawn from the pool where the pack says so ({@link PolicyPack#acceptanceExpertsDrawn()}),
 * end to end through the real use cases: the implementing unit draws its acceptance panel once its project runs on
 * trial, with avoidance of its own staff; the drawn experts sign their conflict declaration, are named to the
 * project and see it; the unit records the acceptance they held. Under a pack that does not draw them (Taicang's,
 * the two-stage example) the draw is refused — citing the article of the stage held next — and leaves no record.
 */
@DisplayName("验收专家随机抽取（第二十四条）：政策包规定抽取的，实施单位试运行后从专家库抽取并回避本单位人员；未规定的，拒绝抽取并引用下一验收阶段的条款")
class AcceptanceDrawsTest {

    /** Taicang's measures as a city would write them if its units drew their acceptance experts from the pool. */
    private static PolicyPack drawing(PolicyPack t) {
        return new PolicyPack("taicang-drawn", t.nameZh(), t.effectiveFrom(), t.windowOpenMonths(),
                t.implementationPlan(), t.contractFiling(), t.progressInterval(), t.substantiveStart(),
                t.trialMinimum(), t.softwareTrialMinimum(), t.acceptanceLimit(), t.acceptanceReport(),
                t.finalAccounts(), t.supervisionThreshold(), t.supervisionNatures(), t.expertPanelMinimum(),
                t.acceptanceDocuments(), t.cybersecReviewGate(), t.cryptoReviewGate(), t.reminderOffsetsDays(),
                t.overdueRepeatDays(), t.scopeExclusions(), t.contractAdditionPercent(), true, t.rules(),
                t.acceptanceStages(), t.articles(), t.deadlineWording());
    }

    private static final List<ExpertField> FIELDS = List.of(ExpertField.SOFTWARE_DEVELOPMENT);

    /** A working place under a pack, with an expert pool and a project on trial. */
    private static final class Scene {
        private final FakeWorkplace w;
        private final FakeWorld world;
        private final ProjectId id;

        Scene(PolicyPack pack) {
            w = new FakeWorkplace(LocalDate.of(2024, 8, 1), DocumentRules.standard(), pack);
            world = w.world;
            for (int i = 1; i <= 5; i++) {
                expert("x" + i, "验收专家" + i, "某大学", null);
            }
            expert("own", "公安专家", "太仓市公安局", POLICE);
            id = onTrial();
        }

        private void expert(String userId, String name, String employer, UnitId unit) {
            world.accounts.insert(new Account(userId, userId, name, Role.EXPERT, new UnitId("EXPERTS"), null, null, "h",
                    true, Set.of()));
            w.experts.addExpert(bureau(), new ExpertCommand(userId, name, FIELDS, employer, unit, List.of(), List.of(),
                    true));
        }

        private void on(int year, int month, int day) {
            world.clock.set(LocalDate.of(year, month, day));
        }

        /**
         * The stages before the last one passed (the two-stage pack's preliminary acceptance, held by the unit on
         * 2025-11-03): the project awaits its final acceptance.
         */
        private void firstStagePassed(PolicyPack pack) {
            on(2025, 10, 20);
            world.oversight.recordSecurityReview(cybersec(), new RecordSecurityReviewCommand(id, null,
                    SecurityReview.Kind.CYBERSECURITY, true, "符合网络安全要求"));
            on(2025, 10, 28);
            world.acceptance.fileSelfInspection(policeStaff(), new FileSelfInspectionCommand(id, null, "全部建设内容已完成",
                    "已整理资源目录32项", "警情处置时间缩短23%", List.of(GoalAchievement.reported(People.GOAL.indicator(),
                    "23%", Attainment.MET, null))));
            on(2025, 11, 3);
            assertThat(world.acceptance.recordAcceptance(policeStaff(), new RecordAcceptanceCommand(id, null,
                    LocalDate.of(2025, 11, 3), true, List.of("专家甲", "专家乙", "专家丙"),
                    pack.acceptanceStages().get(0).documents(), "同意通过初步验收")).state())
                    .isEqualTo(ProjectState.ACCEPTANCE_PENDING);
        }

        /** A software project of the police bureau, through its plan and contract to its trial run on 2025-09-01. */
        private ProjectId onTrial() {
            world.declarations.openWindow(bureau(), new OpenDeclarationWindowCommand(2025,
                    LocalDate.of(2024, 8, 1), LocalDate.of(2024, 9, 30)));
            on(2024, 8, 20);
            ProjectId p = world.declarations.createDraft(policeStaff(), new CreateDraftCommand(smartPolicePlatform(2025)));
            world.declarations.declare(policeStaff(), new DeclareProjectCommand(p, null));
            on(2024, 10, 10);
            world.approvals.startReview(bureau(), new StartReviewCommand(p, null));
            world.approvals.recordReview(bureau(), new RecordReviewCommand(p, null, true,
                    List.of("张专家", "赵专家", "钱专家"), "建设必要，方案可行"));
            on(2024, 11, 15);
            world.approvals.proposeFunding(finance(), new ProposeFundingCommand(p, null, Money.yuan("1260000"), "同意安排"));
            on(2024, 12, 20);
            world.approvals.recordApproval(bureau(), new RecordApprovalCommand(p, null, Money.yuan("1260000"), "批复"));
            on(2025, 1, 24);
            world.approvals.issuePlan(bureau(), new IssueAnnualPlanCommand(2025, "太政办〔2025〕5号", List.of(p)));
            on(2025, 2, 20);
            world.implementation.submitImplementationPlan(policeStaff(), new SubmitImplementationPlanCommand(p, null,
                    List.of("数据汇聚平台", "警情分析系统"), Money.yuan("1260000"), "2025年4月招标"));
            on(2025, 3, 3);
            world.implementation.reviewBeforeProcurement(bureau(), new PreProcurementReviewCommand(p, null, true, "同意采购"));
            on(2025, 4, 28);
            world.implementation.signContract(policeStaff(), new SignContractCommand(p, null, "HT-2025-001",
                    "某信息技术有限公司", Money.yuan("1200000"), LocalDate.of(2025, 4, 25), LocalDate.of(2028, 6, 30)));
            world.implementation.fileContract(policeStaff(), new FileContractCommand(p, null, "HT-2025-001"));
            on(2025, 9, 1);
            world.acceptance.startTrialRun(policeStaff(), new StartTrialRunCommand(p, null, LocalDate.of(2025, 9, 1)));
            return p;
        }

    }

    private static Caller now(FakeWorld world, String userId) {
        Actor actor = world.accountService.current(userId).orElseThrow();
        return new Caller(actor, "req-" + userId, "10.0.0.9");
    }

    private static DrawCommand threeAndOneReserve() {
        return new DrawCommand(FIELDS, 3, 1, List.of());
    }

    @Test
    @DisplayName("政策包规定抽取：实施单位试运行期间抽取验收专家，本单位职工回避；专家签署回避声明后进入项目、看得到项目，单位按抽中的专家录入验收")
    void aPackThatDrawsThem() {
        Scene t = new Scene(drawing(PolicyPacks.taicang()));
        FakeWorkplace w = t.w;
        FakeWorld world = t.world;
        ProjectId id = t.id;

        world.clock.set(LocalDate.of(2025, 9, 10));
        ExpertDraw draw = w.experts.draw(policeStaff(), id, threeAndOneReserve());
        assertThat(draw.purpose()).isEqualTo(DrawPurpose.ACCEPTANCE);
        assertThat(draw.seats()).hasSize(3);
        assertThat(draw.result().reserves()).hasSize(1);
        assertThat(draw.result().exclusions()).singleElement().satisfies(e -> {
            assertThat(e.expertId()).isEqualTo(world.experts.findByUser("own").orElseThrow().id());
            assertThat(e.reasonsZh()).containsExactly("回避：工作单位为项目实施单位（TC-GAJ）");
        });
        assertThat(draw.drawnBy()).isEqualTo(policeStaff().actor().userId());
        // the unit reads its own acceptance draws, and the draw replays
        assertThat(w.experts.draws(policeStaff(), id)).extracting(ExpertDraw::id).containsExactly(draw.id());
        assertThat(w.experts.replay(bureau(), draw.id()).matches()).isTrue();
        AuditRecord drawn = world.audit.forProject(id.toString()).stream()
                .filter(r -> r.action().equals("ASSIGN_ACCEPTANCE_EXPERT")).reduce((a, b) -> b).orElseThrow();
        assertThat(drawn.article()).isEqualTo("第二十四条");
        assertThat(drawn.summary()).contains("随机抽取验收专家3名、备选1名").contains(draw.id());

        // each drawn expert signs the conflict declaration and is named to the project as its acceptance expert
        List<String> panel = draw.seats().stream().map(ExpertDraw.Seat::userId).toList();
        for (String expert : panel) {
            w.experts.declare(now(world, expert), id);
            assertThat(w.pages.page(now(world, expert), id).details().project().id()).isEqualTo(id);
        }
        assertThat(w.accessChanged).containsAll(panel);
        assertThat(w.assignments.assignments(policeStaff(), id).assigned().stream()
                .filter(n -> n.purpose() == AssignmentPurpose.ACCEPTANCE).map(n -> n.userId()).toList())
                .containsExactlyInAnyOrderElementsOf(panel);

        // the unit records the acceptance the drawn panel held
        world.clock.set(LocalDate.of(2025, 10, 20));
        world.oversight.recordSecurityReview(cybersec(), new RecordSecurityReviewCommand(id, null,
                SecurityReview.Kind.CYBERSECURITY, true, "符合网络安全要求"));
        world.clock.set(LocalDate.of(2025, 10, 28));
        world.acceptance.fileSelfInspection(policeStaff(), new FileSelfInspectionCommand(id, null, "全部建设内容已完成",
                "已整理资源目录32项", "警情处置时间缩短23%", List.of(GoalAchievement.reported(People.GOAL.indicator(),
                "23%", Attainment.MET, null))));
        world.clock.set(LocalDate.of(2025, 11, 3));
        List<String> names = panel.stream().map(u -> world.accounts.findById(u).orElseThrow().displayName()).toList();
        assertThat(world.acceptance.recordAcceptance(policeStaff(), new RecordAcceptanceCommand(id, null,
                LocalDate.of(2025, 11, 3), true, names, PolicyPacks.taicang().acceptanceDocuments(), "同意通过验收"))
                .state()).isEqualTo(ProjectState.ACCEPTED);
        assertThat(world.queries.get(policeStaff(), id).project().acceptances().get(0).experts())
                .containsExactlyElementsOf(names);
    }

    @Test
    @DisplayName("太仓政策包不抽取验收专家：实施单位抽取被拒绝（第二十四条），不留抽取记录和操作记录")
    void taicangDoesNotDrawThem() {
        Scene t = new Scene(PolicyPacks.taicang());
        FakeWorkplace w = t.w;
        FakeWorld world = t.world;
        ProjectId id = t.id;
        world.clock.set(LocalDate.of(2025, 9, 10));
        int records = world.audit.all().size();
        Violation refused = catchThrowableOfType(RefusedException.class,
                () -> w.experts.draw(policeStaff(), id, threeAndOneReserve())).violations().get(0);
        assertThat(refused.code()).isEqualTo(RuleCode.ART24_EXPERTS);
        assertThat(refused.article()).isEqualTo("第二十四条");
        assertThat(refused.messageZh()).startsWith("第二十四条：").contains("不经专家库抽取");
        assertThat(w.experts.draws(bureau(), id)).isEmpty();
        assertThat(world.audit.all()).hasSize(records);
    }

    @Test
    @DisplayName("两阶段验收政策包不抽取验收专家：初步验收前的抽取被拒绝，引用初步验收的第二十五条")
    void theTwoStagePackRefusesCitingThePreliminaryStage() {
        Scene t = new Scene(PolicyPacks.twoStage());
        t.world.clock.set(LocalDate.of(2025, 9, 10));
        assertThatThrownBy(() -> t.w.experts.draw(policeStaff(), t.id, threeAndOneReserve()))
                .isInstanceOfSatisfying(RefusedException.class, e -> {
                    assertThat(e.violations()).singleElement().satisfies(v -> {
                        assertThat(v.code()).isEqualTo(RuleCode.ART24_EXPERTS);
                        assertThat(v.article()).isEqualTo("第二十五条");
                        assertThat(v.messageZh()).startsWith("第二十五条：项目建设内容完成并经试运行后").contains("不经专家库抽取");
                    });
                });
        assertThat(t.w.experts.draws(bureau(), t.id)).isEmpty();
    }

    /** The two-stage pack as a city would write it if the experts of each stage were drawn from the pool. */
    private static final PolicyPack TWO_STAGE_DRAWN = drawing(PolicyPacks.twoStage());

    @Test
    @DisplayName("两阶段验收且抽取专家：初步验收专家由实施单位抽取（大数据局被拒，第二十五条）；竣工验收由大数据局录入，其专家由大数据局抽取（实施单位被拒，第二十六条）")
    void eachStagesExpertsAreDrawnByWhoRecordsIt() {
        Scene t = new Scene(TWO_STAGE_DRAWN);
        for (int i = 1; i <= 6; i++) {
            t.expert("y" + i, "竣工验收专家" + i, "某研究院", null);
        }
        FakeWorkplace w = t.w;
        t.on(2025, 9, 10);

        // the preliminary acceptance is the unit's: the Bureau may not draw its experts
        ForbiddenException bureauRefused = catchThrowableOfType(ForbiddenException.class,
                () -> w.experts.draw(bureau(), t.id, threeAndOneReserve()));
        assertThat(bureauRefused.violation().code()).isEqualTo(RuleCode.ART4_ROLE);
        assertThat(bureauRefused.violation().article()).isEqualTo("第二十五条");
        assertThat(bureauRefused.violation().messageZh()).startsWith("第二十五条：「指定或抽取初步验收专家」由")
                .contains("实施单位经办人员", "实施单位分管领导");
        assertThat(w.experts.draws(bureau(), t.id)).isEmpty();
        ExpertDraw preliminary = w.experts.draw(policeStaff(), t.id, threeAndOneReserve());
        assertThat(preliminary.purpose()).isEqualTo(DrawPurpose.ACCEPTANCE);
        assertThat(preliminary.drawnBy()).isEqualTo(policeStaff().actor().userId());

        // the final acceptance is the Bureau's to record, and so its experts are the Bureau's to draw
        t.firstStagePassed(TWO_STAGE_DRAWN);
        int records = t.world.audit.all().size();
        ForbiddenException unitRefused = catchThrowableOfType(ForbiddenException.class,
                () -> w.experts.draw(policeStaff(), t.id, new DrawCommand(FIELDS, 5, 1, List.of())));
        assertThat(unitRefused.violation().code()).isEqualTo(RuleCode.ART4_ROLE);
        assertThat(unitRefused.violation().article()).isEqualTo("第二十六条");
        assertThat(unitRefused.violation().messageZh()).isEqualTo("第二十六条：「指定或抽取竣工验收专家」由市大数据管理局办理");
        assertThat(w.experts.draws(bureau(), t.id)).extracting(ExpertDraw::id).containsExactly(preliminary.id());
        assertThat(t.world.audit.all()).hasSize(records);

        ExpertDraw fin = w.experts.draw(bureau(), t.id, new DrawCommand(FIELDS, 5, 1, List.of()));
        assertThat(fin.purpose()).isEqualTo(DrawPurpose.ACCEPTANCE);
        assertThat(fin.drawnBy()).isEqualTo(bureau().actor().userId());
        assertThat(fin.seats()).hasSize(5);
        // the preliminary panel sits on the final acceptance no more
        assertThat(fin.seats().stream().map(ExpertDraw.Seat::userId).toList())
                .doesNotContainAnyElementsOf(preliminary.seats().stream().map(ExpertDraw.Seat::userId).toList());
        AuditRecord drawn = t.world.audit.forProject(t.id.toString()).stream()
                .filter(r -> r.action().equals("ASSIGN_ACCEPTANCE_EXPERT")).reduce((a, b) -> b).orElseThrow();
        assertThat(drawn.article()).isEqualTo("第二十六条");
        assertThat(drawn.userId()).isEqualTo(bureau().actor().userId());
    }

    @Test
    @DisplayName("两阶段验收、专家由录入方指定：试运行期间实施单位指定初步验收专家；初步验收后竣工验收专家由大数据局指定，实施单位被拒（第二十六条）")
    void eachStagesExpertsAreNamedByWhoRecordsIt() {
        Scene t = new Scene(PolicyPacks.twoStage());
        FakeWorkplace w = t.w;
        t.on(2025, 9, 10);
        assertThat(w.assignments.assign(policeStaff(), t.id, "x1").assigned()).anySatisfy(n -> {
            assertThat(n.userId()).isEqualTo("x1");
            assertThat(n.purpose()).isEqualTo(AssignmentPurpose.ACCEPTANCE);
        });

        t.firstStagePassed(PolicyPacks.twoStage());
        ForbiddenException unitRefused = catchThrowableOfType(ForbiddenException.class,
                () -> w.assignments.assign(policeStaff(), t.id, "x2"));
        assertThat(unitRefused.violation().code()).isEqualTo(RuleCode.ART4_ROLE);
        assertThat(unitRefused.violation().messageZh()).isEqualTo("第二十六条：「指定或抽取竣工验收专家」由市大数据管理局办理");
        assertThat(w.assignments.assignments(bureau(), t.id).mayManage()).isTrue();
        assertThat(w.assignments.assign(bureau(), t.id, "x2").assigned()).anySatisfy(n -> {
            assertThat(n.userId()).isEqualTo("x2");
            assertThat(n.purpose()).isEqualTo(AssignmentPurpose.ACCEPTANCE);
        });
        AuditRecord named = t.world.audit.forProject(t.id.toString()).stream()
                .filter(r -> r.action().equals("ASSIGN_ACCEPTANCE_EXPERT")).reduce((a, b) -> b).orElseThrow();
        assertThat(named.userId()).isEqualTo(bureau().actor().userId());
        assertThat(named.summary()).contains("验收专家");
    }
}
