package cn.egov.projects.domain.rule;

import cn.egov.projects.domain.policy.AcceptanceStage;
import cn.egov.projects.domain.project.Project;

import cn.egov.projects.domain.policy.PolicyPack;
import cn.egov.projects.domain.policy.PolicyPacks;
import cn.egov.projects.domain.project.Acceptance;
import cn.egov.projects.domain.project.Attainment;
import cn.egov.projects.domain.project.GoalAssessment;
import cn.egov.projects.domain.project.Journey;
import cn.egov.projects.domain.project.ProjectState;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static cn.egov.projects.domain.project.Fixtures.EXAMPLE_DOCUMENTS;
import static cn.egov.projects.domain.project.Fixtures.FIVE_EXPERTS;
import static cn.egov.projects.domain.project.Fixtures.GOAL;
import static cn.egov.projects.domain.project.Fixtures.TAICANG_DOCUMENTS;
import static cn.egov.projects.domain.project.Fixtures.THREE_EXPERTS;
import static cn.egov.projects.domain.project.Fixtures.profile;
import static cn.egov.projects.domain.rule.RuleAssertions.assertClean;
import static cn.egov.projects.domain.rule.RuleAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("第二十四条 专家竣工验收与验收文档")
class Art24ExpertsTest {

    private static final LocalDate HELD_ON = LocalDate.of(2025, 6, 25);

    private static Journey awaitingAcceptance(PolicyPack pack) {
        Journey j = Journey.of(profile().build(), pack).contracted().cybersecReviewed(LocalDate.of(2025, 3, 20));
        return j.onTrial(LocalDate.of(2025, 3, 20)).awaitingAcceptance(LocalDate.of(2025, 5, 20));
    }

    @Test
    @DisplayName("两名专家的验收不予录入")
    void twoExpertsAreTooFew() {
        Journey j = awaitingAcceptance(PolicyPacks.taicang());

        Outcome outcome = j.project.recordAcceptance(new Acceptance(HELD_ON, true, List.of("张明", "李华"),
                TAICANG_DOCUMENTS, "验收通过", false), j.calc);

        assertRefused(outcome, RuleCode.ART24_EXPERTS, "第二十四条", "实施单位应组织专家对项目进行竣工验收",
                "验收专家2名，应不少于3名");
        assertThat(j.project.state()).isEqualTo(ProjectState.ACCEPTANCE_PENDING);
    }

    @Test
    @DisplayName("三名专家、文档齐全的验收予以录入")
    void threeExpertsSuffice() {
        Journey j = awaitingAcceptance(PolicyPacks.taicang());

        assertClean(j.project.recordAcceptance(new Acceptance(HELD_ON, true, THREE_EXPERTS, TAICANG_DOCUMENTS,
                "验收通过", false), j.calc));
        assertThat(j.project.state()).isEqualTo(ProjectState.ACCEPTED);
    }

    @Test
    @DisplayName("缺少测试报告的验收不予录入，并列明所缺文档")
    void missingDocumentIsNamed() {
        Journey j = awaitingAcceptance(PolicyPacks.taicang());

        Outcome outcome = j.project.recordAcceptance(new Acceptance(HELD_ON, true, THREE_EXPERTS,
                List.of("项目合同", "实施方案", "项目自查报告", "用户使用报告"), "验收通过", false), j.calc);

        Violation v = assertRefused(outcome, RuleCode.ART24_EXPERTS, "第二十四条");
        assertThat(v.messageZh()).endsWith("（验收文档不完整，缺少：测试报告）");
    }

    @Test
    @DisplayName("示例政策包要求不少于五名专家，三名专家的验收不予录入")
    void examplePackNeedsFive() {
        Journey j = awaitingAcceptance(PolicyPacks.example());

        Outcome outcome = j.project.recordAcceptance(new Acceptance(HELD_ON, true, THREE_EXPERTS,
                EXAMPLE_DOCUMENTS, "验收通过", false), j.calc);

        assertRefused(outcome, RuleCode.ART24_EXPERTS, "第二十四条", "不少于五名专家组成的专家组", "验收专家3名，应不少于5名");
    }

    @Test
    @DisplayName("验收专家对绩效目标逐项给出的意见随验收保存；所列指标不是申报的绩效目标的不予录入")
    void expertsViewOfTheGoals() {
        Journey j = awaitingAcceptance(PolicyPacks.taicang());

        Outcome unknown = j.project.recordAcceptance(new Acceptance(HELD_ON, true, THREE_EXPERTS, TAICANG_DOCUMENTS,
                "验收通过", false, List.of(new GoalAssessment("系统可用率", Attainment.MET, null))), j.calc);
        assertRefused(unknown, RuleCode.ART24_EXPERTS, "第二十四条", "不是本项目申报的绩效目标：系统可用率");
        assertThat(j.project.acceptances()).isEmpty();

        assertClean(j.project.recordAcceptance(new Acceptance(HELD_ON, true, THREE_EXPERTS, TAICANG_DOCUMENTS,
                "验收通过", false, List.of(new GoalAssessment(GOAL.indicator(), Attainment.PARTLY_MET,
                "办件时间缩短28%，略低于目标"))), j.calc));
        assertThat(j.project.acceptances().get(0).goalAssessments()).singleElement()
                .satisfies(a -> assertThat(a.attainment()).isEqualTo(Attainment.PARTLY_MET));
    }

    @Test
    @DisplayName("两阶段验收政策包：初步验收通过后仍待竣工验收；竣工验收按第二十六条要求五名专家；以前没有阶段的验收记录视为竣工验收")
    void twoStagePackHoldsTheStagesInOrder() {
        PolicyPack pack = PolicyPacks.twoStage();
        Journey j = awaitingAcceptance(pack);
        assertThat(j.project.nextAcceptanceStage(pack).key()).isEqualTo("PRELIMINARY");

        assertClean(j.project.recordAcceptance(new Acceptance(HELD_ON, true, THREE_EXPERTS,
                pack.acceptanceStages().get(0).documents(), "初步验收通过", false), j.calc));
        assertThat(j.project.state()).isEqualTo(ProjectState.ACCEPTANCE_PENDING);
        assertThat(j.project.nextAcceptanceStage(pack).key()).isEqualTo(AcceptanceStage.FINAL);

        Outcome tooFew = j.project.recordAcceptance(new Acceptance(HELD_ON.plusDays(5), true, THREE_EXPERTS,
                pack.finalAcceptanceStage().documents(), "竣工验收通过", false), j.calc);
        assertRefused(tooFew, RuleCode.ART24_EXPERTS, "第二十六条", "竣工验收专家3名，应不少于5名");

        assertClean(j.project.recordAcceptance(new Acceptance(HELD_ON.plusDays(5), true, FIVE_EXPERTS,
                pack.finalAcceptanceStage().documents(), "竣工验收通过", false), j.calc));
        assertThat(j.project.state()).isEqualTo(ProjectState.ACCEPTED);

        // a Taicang acceptance stored before stages existed (no stage) was the final one
        Journey t = awaitingAcceptance(PolicyPacks.taicang());
        assertClean(t.project.recordAcceptance(new Acceptance(HELD_ON, true, THREE_EXPERTS, TAICANG_DOCUMENTS,
                "验收通过", false), t.calc));
        Project.Snapshot s = t.project.snapshot();
        Acceptance a = s.acceptances().get(0);
        Project old = Project.restore(new Project.Snapshot(s.id(), s.unit(), s.policyId(), s.version(), s.profile(),
                s.state(), s.suspendedFrom(), s.createdOn(), s.declaredOn(), s.supplementary(),
                s.higherLevelReportedOn(), s.reviews(), s.funding(), s.approval(), s.plan(), s.implementationPlan(),
                s.preProcurementReviews(), s.noProcurementReason(), s.substantiveStartOn(), s.contracts(),
                s.progressReports(), s.changes(), s.situationReports(), s.securityReviews(), s.trialStartOn(),
                s.selfInspection(), List.of(new Acceptance(a.heldOn(), a.passed(), a.experts(), a.documents(),
                a.conclusion(), a.late(), a.goalAssessments(), null)), s.operatingFrom(), s.acceptanceReportOn(),
                s.finalAccountsOn(), s.finalAccountsAmount(), s.termination(), s.maintenanceArrangement(),
                s.deadlines()));
        assertThat(old.nextAcceptanceStage(PolicyPacks.twoStage()).key()).isEqualTo(AcceptanceStage.FINAL);
    }

    @Test
    @DisplayName("两阶段验收政策包：初步验收的拒绝引用第二十五条（状态不符、日期早于自查报告、专家不足），竣工验收的拒绝引用第二十六条；太仓仍引用第二十四条")
    void eachStageCitesItsOwnArticle() {
        PolicyPack pack = PolicyPacks.twoStage();
        List<String> preliminaryDocs = pack.acceptanceStages().get(0).documents();
        Journey early = Journey.of(profile().build(), pack).contracted();
        assertRefused(early.project.recordAcceptance(new Acceptance(HELD_ON, true, THREE_EXPERTS, preliminaryDocs,
                "初步验收通过", false), early.calc), RuleCode.LIFECYCLE_ORDER, "第二十五条", "不能组织初步验收");

        Journey j = awaitingAcceptance(pack);
        assertRefused(j.project.recordAcceptance(new Acceptance(LocalDate.of(2025, 5, 19), true, THREE_EXPERTS,
                        preliminaryDocs, "初步验收通过", false), j.calc), RuleCode.DATES_OUT_OF_ORDER, "第二十五条",
                "初步验收日期2025-05-19早于报送项目自查报告日期2025-05-20");
        assertRefused(j.project.recordAcceptance(new Acceptance(HELD_ON, true, List.of("张明", "李华"),
                preliminaryDocs, "初步验收通过", false), j.calc), RuleCode.ART24_EXPERTS, "第二十五条",
                "初步验收专家2名，应不少于3名");

        assertClean(j.project.recordAcceptance(new Acceptance(HELD_ON, true, THREE_EXPERTS, preliminaryDocs,
                "初步验收通过", false), j.calc));
        assertRefused(j.project.recordAcceptance(new Acceptance(HELD_ON.minusDays(1), true, FIVE_EXPERTS,
                        pack.finalAcceptanceStage().documents(), "竣工验收通过", false), j.calc),
                RuleCode.DATES_OUT_OF_ORDER, "第二十六条", "竣工验收日期2025-06-24早于上次验收日期2025-06-25");
        assertClean(j.project.recordAcceptance(new Acceptance(HELD_ON, true, FIVE_EXPERTS,
                pack.finalAcceptanceStage().documents(), "竣工验收通过", false), j.calc));
        assertRefused(j.project.recordAcceptance(new Acceptance(HELD_ON, true, FIVE_EXPERTS,
                pack.finalAcceptanceStage().documents(), "竣工验收通过", false), j.calc),
                RuleCode.LIFECYCLE_ORDER, "第二十六条", "不能组织竣工验收");

        Journey t = Journey.of(profile().build(), PolicyPacks.taicang()).contracted();
        assertRefused(t.project.recordAcceptance(new Acceptance(HELD_ON, true, THREE_EXPERTS, TAICANG_DOCUMENTS,
                "验收通过", false), t.calc), RuleCode.LIFECYCLE_ORDER, "第二十四条", "不能组织验收");
    }

    @Test
    @DisplayName("谁录入各验收阶段由政策包规定：太仓由实施单位录入（大数据局被拒绝，引用第二十四条）；两阶段示例初步验收由实施单位、竣工验收由大数据局录入，拒绝引用各阶段的条款")
    void whoRecordsEachStageIsThePacks() {
        cn.egov.projects.domain.access.Actor staff = cn.egov.projects.domain.access.Actor.of("staff",
                cn.egov.projects.domain.access.Role.UNIT_STAFF, cn.egov.projects.domain.project.Fixtures.UNIT);
        cn.egov.projects.domain.access.Actor bureau = cn.egov.projects.domain.access.Actor.of("bdb",
                cn.egov.projects.domain.access.Role.BDB_OFFICER, new cn.egov.projects.domain.project.UnitId("TC-DSJ"));
        cn.egov.projects.domain.access.Action record = cn.egov.projects.domain.access.Action.RECORD_ACCEPTANCE;

        PolicyPack taicang = PolicyPacks.taicang();
        assertThat(taicang.finalAcceptanceStage().recordedBy()).isEqualTo(AcceptanceStage.RecordedBy.UNIT);
        cn.egov.projects.domain.access.AccessPolicy t = new cn.egov.projects.domain.access.AccessPolicy(taicang);
        Journey tj = awaitingAcceptance(taicang);
        assertThat(t.decide(staff, record, tj.project).isAllowed()).isTrue();
        Violation refused = t.decide(bureau, record, tj.project).violation();
        assertThat(refused.code()).isEqualTo(RuleCode.ART4_ROLE);
        assertThat(refused.messageZh()).isEqualTo("第二十四条：「录入竣工验收结果」由实施单位分管领导、实施单位经办人员办理");
        assertThat(new cn.egov.projects.domain.access.AvailableActions(t).of(tj.project, bureau)).doesNotContain(record);
        assertThat(new cn.egov.projects.domain.access.AvailableActions(t).of(tj.project, staff)).contains(record);

        PolicyPack pack = PolicyPacks.twoStage();
        assertThat(pack.acceptanceStages()).extracting(AcceptanceStage::recordedBy)
                .containsExactly(AcceptanceStage.RecordedBy.UNIT, AcceptanceStage.RecordedBy.BUREAU);
        cn.egov.projects.domain.access.AccessPolicy p = new cn.egov.projects.domain.access.AccessPolicy(pack);
        Journey j = awaitingAcceptance(pack);
        assertThat(p.decide(staff, record, j.project).isAllowed()).isTrue();
        assertThat(p.decide(bureau, record, j.project).violation().messageZh())
                .isEqualTo("第二十五条：「录入初步验收结果」由实施单位分管领导、实施单位经办人员办理");
        assertClean(j.project.recordAcceptance(new Acceptance(HELD_ON, true, THREE_EXPERTS,
                pack.acceptanceStages().get(0).documents(), "初步验收通过", false), j.calc));
        assertThat(p.decide(bureau, record, j.project).isAllowed()).isTrue();
        Violation unit = p.decide(staff, record, j.project).violation();
        assertThat(unit.code()).isEqualTo(RuleCode.ART4_ROLE);
        assertThat(unit.messageZh()).isEqualTo("第二十六条：「录入竣工验收结果」由市大数据管理局办理");
        assertThat(new cn.egov.projects.domain.access.AvailableActions(p).of(j.project, bureau)).contains(record);
        assertThat(new cn.egov.projects.domain.access.AvailableActions(p).of(j.project, staff)).doesNotContain(record);
    }
}
