package cn.egov.projects.application.service;

import cn.egov.projects.application.error.ForbiddenException;
import cn.egov.projects.application.error.InvalidCommandException;
import cn.egov.projects.application.error.NotFoundException;
import cn.egov.projects.application.error.RefusedException;
import cn.egov.projects.application.fake.FakeWorkplace;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.CreateDraftCommand;
import cn.egov.projects.application.port.in.DeclareProjectCommand;
import cn.egov.projects.application.port.in.DrawCommand;
import cn.egov.projects.application.port.in.ExpertCommand;
import cn.egov.projects.application.port.in.ExpertPoolUseCase;
import cn.egov.projects.application.port.in.OpinionCommand;
import cn.egov.projects.application.port.in.OpenDeclarationWindowCommand;
import cn.egov.projects.application.port.in.RecordReviewCommand;
import cn.egov.projects.application.port.in.StartReviewCommand;
import cn.egov.projects.application.port.out.Account;
import cn.egov.projects.application.port.out.AuditRecord;
import cn.egov.projects.application.view.AuditEntry;
import cn.egov.projects.application.view.Unit;
import cn.egov.projects.domain.access.Actor;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.expert.Expert;
import cn.egov.projects.domain.expert.ExpertDraw;
import cn.egov.projects.domain.expert.ExpertDrawing;
import cn.egov.projects.domain.expert.ExpertField;
import cn.egov.projects.domain.expert.Vendor;
import cn.egov.projects.domain.expert.Verdict;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.ProjectState;
import cn.egov.projects.domain.project.ReviewOpinion;
import cn.egov.projects.domain.project.UnitId;
import cn.egov.projects.domain.rule.RuleCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static cn.egov.projects.application.fake.People.POLICE;
import static cn.egov.projects.application.fake.People.audit;
import static cn.egov.projects.application.fake.People.bureau;
import static cn.egov.projects.application.fake.People.finance;
import static cn.egov.projects.application.fake.People.healthStaff;
import static cn.egov.projects.application.fake.People.policeStaff;
import static cn.egov.projects.application.fake.People.smartPolicePlatform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@DisplayName("专家库与随机抽取（第八条、第二十四条）：回避、可重放、备选递补、专家意见形成审核意见，项目单位不得选择或查看评审专家")
class ExpertServiceTest {

    private final FakeWorkplace w = new FakeWorkplace(LocalDate.of(2024, 8, 1));
    private ProjectId project;

    @BeforeEach
    void setUp() {
        w.world.declarations.openWindow(bureau(), new OpenDeclarationWindowCommand(2025, LocalDate.of(2024, 8, 1),
                LocalDate.of(2024, 9, 30)));
        project = w.world.declarations.createDraft(policeStaff(), new CreateDraftCommand(smartPolicePlatform(2025)));
        w.world.declarations.declare(policeStaff(), new DeclareProjectCommand(project, null));
        for (int i = 1; i <= 8; i++) {
            expert("x" + i, "专家" + i, "某大学", null, List.of());
        }
        expert("own", "公安专家", "太仓市公安局", POLICE, List.of());
        expert("bid", "投标人顾问", "某研究院", null,
                List.of(new Expert.VendorRelation(new Vendor("苏州云智科技有限公司", null), "担任顾问")));
        w.world.accounts.insert(new Account("fin2", "fin2", "冯财政", Role.FINANCE, new UnitId("TC-CZJ"), null, null,
                "h", true, Set.of()));
    }

    private void expert(String id, String name, String employer, UnitId unit, List<Expert.VendorRelation> vendors) {
        w.world.accounts.insert(new Account(id, id, name, Role.EXPERT, new UnitId("EXPERTS"), null, null, "h", true,
                Set.of()));
        w.experts.addExpert(bureau(), new ExpertCommand(id, name, List.of(ExpertField.SOFTWARE_DEVELOPMENT), employer,
                unit, List.of(), vendors, true));
    }

    /** The signed-in person of an account as it stands now (what a refreshed session gets). */
    private Caller now(String userId) {
        Actor actor = w.world.accountService.current(userId).orElseThrow();
        return new Caller(actor, "req-" + userId, "10.0.0.9");
    }

    private ExpertDraw draw() {
        return w.experts.draw(bureau(), project, new DrawCommand(List.of(ExpertField.SOFTWARE_DEVELOPMENT), 3, 2,
                List.of(new Vendor("苏州云智科技有限公司", "91320585MA1XXXXX0A"))));
    }

    @Test
    @DisplayName("大数据管理局按领域随机抽取：本单位职工和投标人关联人回避并记下理由，抽取记录可重放核对，每次抽取有操作记录")
    void bureauDrawsWithAvoidanceAndReplay() {
        ExpertDraw draw = draw();

        assertThat(draw.result().exclusions()).extracting(ExpertDrawing.Exclusion::expertId)
                .containsExactlyInAnyOrder(w.world.experts.findByUser("own").orElseThrow().id(),
                        w.world.experts.findByUser("bid").orElseThrow().id());
        assertThat(draw.result().exclusions()).flatExtracting(ExpertDrawing.Exclusion::reasonsZh)
                .containsExactlyInAnyOrder("回避：工作单位为项目实施单位（TC-GAJ）",
                        "回避：与本项目供应商或投标人「苏州云智科技有限公司」有关联（担任顾问）");
        assertThat(draw.seats()).hasSize(3);
        assertThat(draw.result().reserves()).hasSize(2);
        assertThat(draw.pool()).hasSize(10);
        assertThat(draw.seed()).hasSize(64);
        assertThat(draw.drawnBy()).isEqualTo("bdb-officer");

        ExpertPoolUseCase.Replay replay = w.experts.replay(bureau(), draw.id());
        assertThat(replay.matches()).isTrue();
        assertThat(replay.replayed().drawn()).isEqualTo(draw.result().drawn());
        assertThat(w.experts.replay(audit(), draw.id()).matches()).isTrue();

        List<AuditRecord> trail = w.world.audit.forProject(project.toString());
        assertThat(trail.get(trail.size() - 1).action()).isEqualTo("ASSIGN_REVIEW_EXPERT");
        assertThat(trail.get(trail.size() - 1).summary()).contains("随机抽取评审专家3名、备选2名").contains(draw.id());
    }

    @Test
    @DisplayName("项目单位不能抽取、查看或核对本项目的评审专家（第八条）；其他单位看不到项目（404）；其他角色无权")
    void unitNeverChoosesOrSeesItsReviewers() {
        ExpertDraw draw = draw();
        ForbiddenException refused = catchThrowableOfType(ForbiddenException.class, () -> w.experts.draw(policeStaff(),
                project, new DrawCommand(List.of(ExpertField.SOFTWARE_DEVELOPMENT), 3, 0, List.of())));
        assertThat(refused.violation().code()).isEqualTo(RuleCode.ART8_REVIEW_EXPERTS);
        assertThat(refused.violation().messageZh()).startsWith("第八条");
        assertThat(w.experts.draws(policeStaff(), project)).isEmpty();
        assertThatThrownBy(() -> w.experts.replay(policeStaff(), draw.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> w.experts.draws(healthStaff(), project)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> w.experts.draw(healthStaff(), project,
                new DrawCommand(List.of(ExpertField.SOFTWARE_DEVELOPMENT), 3, 0, List.of())))
                .isInstanceOf(NotFoundException.class);
        assertThat(catchThrowableOfType(ForbiddenException.class, () -> w.experts.experts(policeStaff()))
                .violation().code()).isEqualTo(RuleCode.ART8_REVIEW_EXPERTS);
        assertThat(catchThrowableOfType(ForbiddenException.class, () -> w.experts.draw(finance(), project,
                new DrawCommand(List.of(ExpertField.SOFTWARE_DEVELOPMENT), 3, 0, List.of()))).violation().code())
                .isEqualTo(RuleCode.ART4_ROLE);
        // the unit's page does not name the reviewers' steps while the review runs
        String drawn = draw.seats().get(0).userId();
        w.experts.declare(now(drawn), project);
        assertThat(w.pages.page(policeStaff(), project).timeline()).noneSatisfy(e ->
                assertThat(e.summary()).contains("回避声明"));
    }

    @Test
    @DisplayName("项目页时间线以姓名和单位全称显示办理人；评审结束前项目单位看不到专家本人的办理人（第八条），大数据管理局看得到")
    void timelineNamesPeopleAndUnitsButNotReviewersToTheUnit() {
        w.world.units.insert(new Unit(POLICE, "太仓市公安局", Unit.Kind.IMPLEMENTING));
        w.world.accounts.insert(new Account("police-staff", "police-staff", "王经办", Role.UNIT_STAFF, POLICE, null,
                null, "h", true, Set.of()));
        ExpertDraw draw = draw();
        String first = draw.seats().get(0).userId();
        w.experts.declare(now(first), project);
        String expertName = w.world.accounts.findById(first).orElseThrow().displayName();

        List<AuditEntry> unitView = w.pages.page(policeStaff(), project).timeline();
        assertThat(unitView).filteredOn(e -> "DECLARE".equals(e.action())).singleElement().satisfies(e -> {
            assertThat(e.actorName()).isEqualTo("王经办");
            assertThat(e.unitName()).isEqualTo("太仓市公安局");
        });
        assertThat(unitView).filteredOn(e -> e.action().startsWith("EXPERT_")).isNotEmpty().allSatisfy(e -> {
            assertThat(e.userId()).isNull();
            assertThat(e.actorName()).isNull();
            assertThat(e.summary()).isEqualTo(ProjectPageService.REVIEWERS_WITHHELD);
        });
        assertThat(unitView).noneMatch(e -> expertName.equals(e.actorName()));

        assertThat(w.pages.page(bureau(), project).timeline()).filteredOn(e -> e.action().startsWith("EXPERT_"))
                .isNotEmpty().allSatisfy(e -> assertThat(e.actorName()).isEqualTo(expertName));
        assertThat(w.pages.page(bureau(), project).names().unit("TC-GAJ")).isEqualTo("太仓市公安局");
    }

    @Test
    @DisplayName("专家只看得到抽中自己的项目，须先签署回避声明；谢绝后备选按序递补；未抽中的专家看不到（404）")
    void expertsSeeOnlyTheirDrawAfterDeclaring() {
        ExpertDraw draw = draw();
        String first = draw.seats().get(0).userId();
        String outsider = w.world.experts.all().stream().map(Expert::userId)
                .filter(u -> draw.seatOf(u).isEmpty() && !u.equals("own") && !u.equals("bid")).findFirst()
                .orElseThrow();

        assertThat(w.experts.myInvitations(now(first))).extracting(i -> i.projectName())
                .containsExactly(smartPolicePlatform(2025).name());
        assertThatThrownBy(() -> w.pages.page(now(first), project)).isInstanceOf(NotFoundException.class);
        assertThat(catchThrowableOfType(RefusedException.class, () -> w.experts.recordOpinion(now(first), project,
                new OpinionCommand(Verdict.AGREE, 90, "同意"))).violations().get(0).messageZh()).contains("回避声明");

        w.experts.declare(now(first), project);
        assertThat(w.pages.page(now(first), project).details().project().id()).isEqualTo(project);
        assertThat(w.accessChanged).contains(first);

        assertThat(w.experts.myInvitations(now(outsider))).isEmpty();
        assertThatThrownBy(() -> w.experts.declare(now(outsider), project)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> w.pages.page(now(outsider), project)).isInstanceOf(NotFoundException.class);

        String second = draw.seats().get(1).userId();
        ExpertDraw after = w.experts.decline(now(second), project, "与投标人有业务往来").draw();
        assertThat(after.activeSeats()).extracting(ExpertDraw.Seat::expertId)
                .contains(draw.result().reserves().get(0)).doesNotContain(draw.seats().get(1).expertId());
        assertThat(after.replacements()).singleElement().satisfies(r -> {
            assertThat(r.declinedExpertId()).isEqualTo(draw.seats().get(1).expertId());
            assertThat(r.reserveExpertId()).isEqualTo(draw.result().reserves().get(0));
        });
        assertThat(w.experts.myInvitations(now(second))).isEmpty();
        assertThatThrownBy(() -> w.experts.decline(now(second), project, "再次")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> w.experts.decline(now(first), project, " "))
                .isInstanceOf(InvalidCommandException.class).extracting("field").isEqualTo("reason");
        assertThat(w.experts.replay(bureau(), draw.id()).matches()).isTrue();
    }

    @Test
    @DisplayName("审核意见取自抽中专家的意见：意见不齐时拒绝；齐后专家名单来自抽取、附平均分，评审结束后专家看不到项目")
    void reviewOpinionIsFormedFromTheExperts() {
        ExpertDraw draw = draw();
        w.world.approvals.startReview(bureau(), new StartReviewCommand(project, null));
        List<String> panel = draw.seats().stream().map(ExpertDraw.Seat::userId).toList();
        w.experts.declare(now(panel.get(0)), project);
        w.experts.recordOpinion(now(panel.get(0)), project, new OpinionCommand(Verdict.AGREE, 90, "方案可行"));

        RefusedException missing = catchThrowableOfType(RefusedException.class, () -> w.approvals.recordReview(
                bureau(), new RecordReviewCommand(project, null, true, List.of(), "同意立项")));
        assertThat(missing.violations().get(0).code()).isEqualTo(RuleCode.ART8_REVIEW_REQUIRED);
        assertThat(missing.violations().get(0).messageZh()).startsWith("第八条").contains("已提交意见1名");
        assertThat(w.world.projects.load(project).orElseThrow().state()).isEqualTo(ProjectState.UNDER_REVIEW);

        w.experts.declare(now(panel.get(1)), project);
        w.experts.recordOpinion(now(panel.get(1)), project, new OpinionCommand(Verdict.AGREE_WITH_CHANGES, 75, "补充安全方案"));
        w.experts.declare(now(panel.get(2)), project);
        w.experts.recordOpinion(now(panel.get(2)), project, new OpinionCommand(Verdict.DISAGREE, 60, "需求不清"));

        w.approvals.recordReview(bureau(), new RecordReviewCommand(project, null, true, List.of("随手写的名字"), "同意立项"));

        var p = w.world.projects.load(project).orElseThrow();
        assertThat(p.state()).isEqualTo(ProjectState.REVIEWED);
        ReviewOpinion opinion = p.snapshot().reviews().get(0);
        assertThat(opinion.experts()).containsExactlyInAnyOrderElementsOf(draw.seats().stream()
                .map(ExpertDraw.Seat::name).toList());
        assertThat(opinion.opinion()).startsWith("同意立项").contains("同意1名、修改后同意1名、不同意1名").contains("平均分75.0分");
        for (String expert : panel) {
            assertThatThrownBy(() -> w.pages.page(now(expert), project)).isInstanceOf(NotFoundException.class);
            assertThat(w.experts.myInvitations(now(expert))).isEmpty();
        }
        assertThat(w.experts.draws(bureau(), project)).singleElement().satisfies(d -> assertThat(d.isOpen()).isFalse());
        assertThatThrownBy(() -> w.experts.draw(bureau(), project, new DrawCommand(List.of(ExpertField.SOFTWARE_DEVELOPMENT),
                1, 0, List.of()))).isInstanceOf(RefusedException.class);
    }

    @Test
    @DisplayName("专家库由大数据管理局维护：只收专家账号，同一账号不重复，停用的专家不被抽取；符合条件的专家不足时拒绝且不留记录")
    void poolIsKeptByTheBureau() {
        assertThatThrownBy(() -> w.experts.addExpert(bureau(), new ExpertCommand("fin2", "冯", List.of(
                ExpertField.FINANCIAL_AUDIT), "", null, List.of(), List.of(), true)))
                .isInstanceOf(InvalidCommandException.class).extracting("field").isEqualTo("userId");
        assertThatThrownBy(() -> w.experts.addExpert(bureau(), new ExpertCommand("x1", "专家1", List.of(
                ExpertField.FINANCIAL_AUDIT), "", null, List.of(), List.of(), true)))
                .isInstanceOf(InvalidCommandException.class);
        assertThat(catchThrowableOfType(ForbiddenException.class, () -> w.experts.addExpert(finance(),
                new ExpertCommand("x1", "专家1", List.of(ExpertField.FINANCIAL_AUDIT), "", null, List.of(), List.of(),
                        true))).violation().code()).isEqualTo(RuleCode.ART4_ROLE);

        for (Expert e : w.world.experts.all()) {
            w.experts.updateExpert(bureau(), e.id(), new ExpertCommand(e.userId(), e.name(), e.fields(), e.employer(),
                    e.employerUnit(), e.relatedUnits(), e.relatedVendors(), e.userId().equals("x1")));
        }
        RefusedException tooFew = catchThrowableOfType(RefusedException.class, () -> draw());
        assertThat(tooFew.violations().get(0).code()).isEqualTo(RuleCode.ART8_REVIEW_EXPERTS);
        assertThat(tooFew.violations().get(0).messageZh()).contains("只有1名");
        assertThat(w.world.experts.allDraws()).isEmpty();
    }
}
