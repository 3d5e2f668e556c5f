package cn.egov.projects.domain.rule;

import cn.egov.projects.domain.catalog.FundingSource;
import cn.egov.projects.domain.policy.PolicyPacks;
import cn.egov.projects.domain.access.Action;
import cn.egov.projects.domain.access.AvailableActions;
import cn.egov.projects.domain.project.Journey;
import cn.egov.projects.domain.project.SituationReport;
import cn.egov.projects.domain.project.ProjectState;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static cn.egov.projects.domain.project.Fixtures.profile;
import static cn.egov.projects.domain.rule.RuleAssertions.assertClean;
import static cn.egov.projects.domain.rule.RuleAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("第十一条 上级统筹全额拨付资金的项目实施前报送")
class Art11ReportFirstTest {

    private static Journey higherLevel() {
        return Journey.of(profile().funding(FundingSource.HIGHER_LEVEL).build(), PolicyPacks.taicang()).planned();
    }

    @Test
    @DisplayName("上级全额拨付资金的项目未报送相关情况就报送实施方案的不予受理")
    void implementationPlanBeforeReportIsRefused() {
        Journey j = higherLevel();

        Outcome outcome = j.project.submitImplementationPlan(j.matchingPlan(LocalDate.of(2025, 1, 20)), j.pack);

        assertRefused(outcome, RuleCode.ART11_REPORT_FIRST, "第十一条", "凡属国家、省、市统筹安排并全额拨付资金的项目",
                "请先报送上级统筹安排资金的相关情况");
        assertThat(j.project.state()).isEqualTo(ProjectState.PLANNED);
    }

    @Test
    @DisplayName("上级全额拨付资金的项目报送相关情况后可以报送实施方案")
    void implementationPlanAfterReportPasses() {
        Journey j = higherLevel();
        assertClean(j.project.reportHigherLevelFunding(LocalDate.of(2025, 1, 10), j.pack));

        assertClean(j.project.submitImplementationPlan(j.matchingPlan(LocalDate.of(2025, 1, 20)), j.pack));
        assertThat(j.project.state()).isEqualTo(ProjectState.IMPLEMENTING);
    }

    @Test
    @DisplayName("市级财政资金项目无需报送上级统筹资金情况")
    void municipalProjectHasNothingToReport() {
        Journey j = Journey.of(profile().build(), PolicyPacks.taicang()).planned();

        Outcome outcome = j.project.reportHigherLevelFunding(LocalDate.of(2025, 1, 10), j.pack);

        assertRefused(outcome, RuleCode.LIFECYCLE_ORDER, "第十一条", "无需按第十一条报送");
        assertClean(j.project.submitImplementationPlan(j.matchingPlan(LocalDate.of(2025, 1, 20)), j.pack));
    }

    @Test
    @DisplayName("项目已开始实施后不能再补报上级统筹资金情况")
    void reportAfterImplementationStartedIsOutOfOrder() {
        Journey j = higherLevel();
        j.project.reportHigherLevelFunding(LocalDate.of(2025, 1, 10), j.pack);
        Journey.ok(j.project.submitImplementationPlan(j.matchingPlan(LocalDate.of(2025, 1, 20)), j.pack));

        assertRefused(j.project.reportHigherLevelFunding(LocalDate.of(2025, 2, 1), j.pack), RuleCode.LIFECYCLE_ORDER,
                "第十一条", "已于2025-01-10报送");
    }

    @Test
    @DisplayName("草稿和已中止的项目不能报送上级统筹资金情况，状态表与可办事项一致")
    void draftAndSuspendedProjectsCannotReport() {
        Journey draft = Journey.of(profile().funding(FundingSource.HIGHER_LEVEL).build(), PolicyPacks.taicang());
        assertRefused(draft.project.reportHigherLevelFunding(LocalDate.of(2024, 9, 1), draft.pack),
                RuleCode.LIFECYCLE_ORDER, "第十一条", "项目当前状态为「草稿」");

        Journey suspended = higherLevel();
        Journey.ok(suspended.project.reportSituation(new SituationReport(LocalDate.of(2025, 1, 8),
                SituationReport.Kind.SUSPENSION, "机构调整", true, true), suspended.pack));
        assertRefused(suspended.project.reportHigherLevelFunding(LocalDate.of(2025, 1, 10), suspended.pack),
                RuleCode.LIFECYCLE_ORDER, "第十一条", "项目当前状态为「已中止」");
        assertThat(AvailableActions.openedByState(suspended.project)).doesNotContain(Action.REPORT_HIGHER_LEVEL_FUNDING);
        assertThat(suspended.project.snapshot().higherLevelReportedOn()).isNull();
    }

    @Test
    @DisplayName("同一项目不能重复报送上级统筹资金情况")
    void reportingTwiceIsRefused() {
        Journey j = higherLevel();
        assertClean(j.project.reportHigherLevelFunding(LocalDate.of(2025, 1, 10), j.pack));

        assertRefused(j.project.reportHigherLevelFunding(LocalDate.of(2025, 1, 11), j.pack), RuleCode.LIFECYCLE_ORDER,
                "第十一条", "已于2025-01-10报送");
    }
}
