package cn.egov.projects.domain.rule;

import cn.egov.projects.domain.money.Money;
import cn.egov.projects.domain.policy.PolicyPack;
import cn.egov.projects.domain.policy.PolicyPacks;
import cn.egov.projects.domain.project.Journey;
import cn.egov.projects.domain.project.ProjectState;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;

import static cn.egov.projects.domain.project.Fixtures.profile;
import static cn.egov.projects.domain.rule.RuleAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("操作顺序：当前状态下不能办理的操作引用该操作所依据的条款")
class LifecycleOrderTest {

    @Test
    @DisplayName("草稿项目不能组织专家评审，引用第八条")
    void reviewOfADraftCitesArticle8() {
        Journey j = Journey.of(profile().build(), PolicyPacks.taicang());

        Outcome outcome = j.project.startReview(LocalDate.of(2024, 10, 8), j.pack);

        assertRefused(outcome, RuleCode.LIFECYCLE_ORDER, "第八条", "项目当前状态为「草稿」，不能组织专家评审");
        assertThat(j.project.state()).isEqualTo(ProjectState.DRAFT);
    }

    @Test
    @DisplayName("已申报的项目不能再次申报，引用第七条")
    void declaringTwiceCitesArticle7() {
        Journey j = Journey.of(profile().build(), PolicyPacks.taicang()).declared();

        assertRefused(j.project.declare(LocalDate.of(2024, 9, 16), Optional.of(j.window()), j.pack),
                RuleCode.LIFECYCLE_ORDER, "第七条", "已申报");
    }

    @Test
    @DisplayName("试运行中的项目不能报送验收报告，引用第二十五条")
    void acceptanceReportDuringTrialCitesArticle25() {
        Journey j = Journey.of(profile().build(), PolicyPacks.taicang()).onTrial(LocalDate.of(2025, 4, 1));

        assertRefused(j.project.fileAcceptanceReport(LocalDate.of(2025, 5, 1), j.pack), RuleCode.LIFECYCLE_ORDER,
                "第二十五条", "试运行中");
    }

    @Test
    @DisplayName("试运行中的项目不能办理竣工决算备案，引用第二十六条")
    void finalAccountsDuringTrialCiteArticle26() {
        Journey j = Journey.of(profile().build(), PolicyPacks.taicang()).onTrial(LocalDate.of(2025, 4, 1));

        assertRefused(j.project.fileFinalAccounts(LocalDate.of(2025, 5, 1), Money.yuan("590000.00"), j.pack),
                RuleCode.LIFECYCLE_ORDER, "第二十六条", "不能竣工决算备案");
    }

    @Test
    @DisplayName("操作顺序的规则本身不带条款号，由政策包直接引用时被拒绝")
    void lifecycleOrderHasNoArticleOfItsOwn() {
        PolicyPack pack = PolicyPacks.taicang();

        assertThat(RuleCode.LIFECYCLE_ORDER.citesAction()).isTrue();
        assertThatThrownBy(() -> pack.violation(RuleCode.LIFECYCLE_ORDER)).isInstanceOf(IllegalArgumentException.class);
        Violation v = pack.orderViolation(Provision.IMPLEMENTATION_PLAN, "项目当前状态为「草稿」，不能报送实施方案");
        assertThat(v.code()).isEqualTo(RuleCode.LIFECYCLE_ORDER);
        assertThat(v.article()).isEqualTo("第十三条");
        assertThat(v.messageZh()).isEqualTo("第十三条：项目当前状态为「草稿」，不能报送实施方案");
        assertThat(v.refuses()).isTrue();
    }
}
