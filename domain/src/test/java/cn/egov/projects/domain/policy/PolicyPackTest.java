package cn.egov.projects.domain.policy;

import cn.egov.projects.domain.calendar.Term;
import cn.egov.projects.domain.catalog.Nature;
import cn.egov.projects.domain.money.Money;
import cn.egov.projects.domain.rule.RuleCode;
import cn.egov.projects.domain.rule.Violation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.time.Month;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("政策包")
class PolicyPackTest {

    /** Taicang's pack with its rules replaced. */
    private static PolicyPack taicangWith(Map<RuleCode, RuleText> rules) {
        PolicyPack t = PolicyPacks.taicang();
        return new PolicyPack(t.id(), t.nameZh(), t.effectiveFrom(), t.windowOpenMonths(), t.implementationPlan(),
                t.contractFiling(), t.progressInterval(), t.substantiveStart(), t.trialMinimum(),
                t.softwareTrialMinimum(), t.acceptanceLimit(), t.acceptanceReport(), t.finalAccounts(),
                t.supervisionThreshold(), t.supervisionNatures(), t.expertPanelMinimum(), t.acceptanceDocuments(),
                t.cybersecReviewGate(), t.cryptoReviewGate(), t.reminderOffsetsDays(), t.overdueRepeatDays(),
                t.scopeExclusions(), t.contractAdditionPercent(), t.acceptanceExpertsDrawn(), rules);
    }

    @Test
    @DisplayName("缺少某条规则措辞的政策包被拒绝，并指出缺少的规则")
    void packMissingAWordingIsRefused() {
        Map<RuleCode, RuleText> rules = new EnumMap<>(PolicyPacks.taicang().rules());
        rules.remove(RuleCode.ART15_SUPERVISION_REQUIRED);

        assertThatThrownBy(() -> taicangWith(rules))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ART15_SUPERVISION_REQUIRED");
    }

    @Test
    @DisplayName("操作顺序规则无需措辞，其余规则齐全的政策包可以建立")
    void lifecycleOrderNeedsNoWording() {
        Map<RuleCode, RuleText> rules = new EnumMap<>(PolicyPacks.taicang().rules());

        assertThat(rules).doesNotContainKeys(RuleCode.LIFECYCLE_ORDER, RuleCode.DATES_OUT_OF_ORDER);
        assertThat(taicangWith(rules).rules()).hasSize(RuleCode.values().length - 2);
    }

    @Test
    @DisplayName("改写某条措辞的政策包以新的措辞作出决定")
    void rewordedRuleIsUsed() {
        Map<RuleCode, RuleText> rules = new EnumMap<>(PolicyPacks.taicang().rules());
        rules.put(RuleCode.ART19_RESPONSIBLE_PEOPLE, new RuleText(21, "项目须有分管领导和责任人"));

        Violation v = taicangWith(rules).violation(RuleCode.ART19_RESPONSIBLE_PEOPLE, "未填写责任人");

        assertThat(v.article()).isEqualTo("第二十一条");
        assertThat(v.messageZh()).isEqualTo("第二十一条：项目须有分管领导和责任人（未填写责任人）");
    }

    @ParameterizedTest(name = "{0} 引用 {1}")
    @CsvSource({
            "ART2_OUT_OF_SCOPE, 第二条",
            "ART3_OWN_UNIT, 第三条",
            "ART4_ROLE, 第四条",
            "ART4_CYBERSEC_REVIEW, 第四条",
            "ART4_CRYPTO_REVIEW, 第四条",
            "ART7_WINDOW_CLOSED, 第七条",
            "ART8_REVIEW_REQUIRED, 第八条",
            "ART9_NOT_FUNDED, 第九条",
            "ART10_SUPPLEMENTARY, 第十条",
            "ART11_REPORT_FIRST, 第十一条",
            "ART12_NOT_IN_PLAN, 第十二条",
            "ART13_PLAN_INCONSISTENT, 第十三条",
            "ART13_PRE_PROCUREMENT, 第十三条",
            "ART14_CONTRACT_OVER_BUDGET, 第十四条",
            "ART15_SUPERVISION_REQUIRED, 第十五条",
            "ART17_NO_SUBSTANTIVE_START, 第十七条",
            "ART17_DELAY_REPORT, 第十七条",
            "ART18_CHANGE_BEFORE_TENDER, 第十八条",
            "ART19_RESPONSIBLE_PEOPLE, 第十九条",
            "ART21_NOT_ACCEPTED, 第二十一条",
            "ART22_TRIAL_TOO_SHORT, 第二十二条",
            "ART22_TRIAL_TOO_LONG, 第二十二条",
            "ART23_SELF_INSPECTION, 第二十三条",
            "ART24_EXPERTS, 第二十四条",
            "ART27_CLASSIFIED, 第二十七条"})
    @DisplayName("太仓政策包中每条规则引用其所依据的条款，信息以条款号开头")
    void everyRuleCitesItsArticle(RuleCode code, String article) {
        PolicyPack taicang = PolicyPacks.taicang();

        assertThat(taicang.articleOf(code)).isEqualTo(article);
        Violation v = taicang.violation(code);
        assertThat(v.code()).isEqualTo(code);
        assertThat(v.article()).isEqualTo(article);
        assertThat(v.messageZh()).startsWith(article + "：").doesNotContain("（");
    }

    @Test
    @DisplayName("规则决定在措辞后附上具体情况")
    void detailFollowsTheWording() {
        Violation v = PolicyPacks.taicang().violation(RuleCode.ART12_NOT_IN_PLAN, "尚未列入计划");

        assertThat(v.messageZh()).isEqualTo("第十二条：未列入市级电子政务项目实施计划的项目，不得开工建设（尚未列入计划）");
    }

    @Test
    @DisplayName("太仓政策包的各项参数与办法原文一致")
    void taicangParametersFollowTheMeasures() {
        PolicyPack t = PolicyPacks.taicang();

        assertThat(t.effectiveFrom()).isEqualTo(LocalDate.of(2021, 3, 31));
        assertThat(t.windowOpenMonths()).containsExactlyInAnyOrder(Month.JULY, Month.AUGUST, Month.SEPTEMBER);
        assertThat(t.implementationPlan()).isEqualTo(Term.months(1));
        assertThat(t.contractFiling()).isEqualTo(Term.workingDays(7));
        assertThat(t.substantiveStart()).isEqualTo(Term.years(1));
        assertThat(t.trialMinimumFor(false)).isEqualTo(Term.months(1));
        assertThat(t.trialMinimumFor(true)).isEqualTo(Term.months(2));
        assertThat(t.acceptanceLimit()).isEqualTo(Term.years(1));
        assertThat(t.acceptanceReport()).isEqualTo(Term.workingDays(7));
        assertThat(t.finalAccounts()).isEqualTo(Term.months(3));
        assertThat(t.supervisionThreshold()).isEqualTo(Money.yuan("800000.00"));
        assertThat(t.supervisionNatures()).containsExactly(Nature.NEW);
        assertThat(t.expertPanelMinimum()).isEqualTo(3);
        assertThat(t.cybersecReviewGate()).isEqualTo(Gate.ACCEPTANCE);
        assertThat(t.cryptoReviewGate()).isEqualTo(Gate.ACCEPTANCE);
    }

    @Test
    @DisplayName("监理门槛含本数：80万元须监理，799,999.99元不须")
    void supervisionThresholdIsInclusive() {
        PolicyPack t = PolicyPacks.taicang();

        assertThat(t.requiresSupervision(Nature.NEW, Money.yuan("800000.00"))).isTrue();
        assertThat(t.requiresSupervision(Nature.NEW, Money.yuan("799999.99"))).isFalse();
        assertThat(t.requiresSupervision(Nature.CONTINUATION, Money.yuan("5000000"))).isFalse();
        assertThat(PolicyPacks.example().requiresSupervision(Nature.CONTINUATION, Money.yuan("1000000.00"))).isTrue();
        assertThat(PolicyPacks.example().requiresSupervision(Nature.CONTINUATION, Money.yuan("999999.99"))).isFalse();
    }

    @Test
    @DisplayName("未指明申报月份、专家人数小于1或提醒偏移为负的政策包被拒绝")
    void invalidParametersAreRefused() {
        PolicyPack t = PolicyPacks.taicang();
        assertThatThrownBy(() -> new PolicyPack(t.id(), t.nameZh(), t.effectiveFrom(), Set.of(), t.implementationPlan(),
                t.contractFiling(), t.progressInterval(), t.substantiveStart(), t.trialMinimum(),
                t.softwareTrialMinimum(), t.acceptanceLimit(), t.acceptanceReport(), t.finalAccounts(),
                t.supervisionThreshold(), t.supervisionNatures(), 3, t.acceptanceDocuments(), t.cybersecReviewGate(),
                t.cryptoReviewGate(), t.reminderOffsetsDays(), 7, t.scopeExclusions(), t.contractAdditionPercent(), t.acceptanceExpertsDrawn(), t.rules()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PolicyPack(t.id(), t.nameZh(), t.effectiveFrom(), t.windowOpenMonths(),
                t.implementationPlan(), t.contractFiling(), t.progressInterval(), t.substantiveStart(),
                t.trialMinimum(), t.softwareTrialMinimum(), t.acceptanceLimit(), t.acceptanceReport(),
                t.finalAccounts(), t.supervisionThreshold(), t.supervisionNatures(), 0, t.acceptanceDocuments(),
                t.cybersecReviewGate(), t.cryptoReviewGate(), t.reminderOffsetsDays(), 7, t.scopeExclusions(), t.contractAdditionPercent(),
                t.acceptanceExpertsDrawn(), t.rules())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PolicyPack(t.id(), t.nameZh(), t.effectiveFrom(), t.windowOpenMonths(),
                t.implementationPlan(), t.contractFiling(), t.progressInterval(), t.substantiveStart(),
                t.trialMinimum(), t.softwareTrialMinimum(), t.acceptanceLimit(), t.acceptanceReport(),
                t.finalAccounts(), t.supervisionThreshold(), t.supervisionNatures(), 3, t.acceptanceDocuments(),
                t.cybersecReviewGate(), t.cryptoReviewGate(), List.of(7, -1), 7, t.scopeExclusions(), t.contractAdditionPercent(),
                t.acceptanceExpertsDrawn(), t.rules())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("规则措辞须引用1至99条且措辞不能为空")
    void ruleTextIsValidated() {
        assertThatThrownBy(() -> new RuleText(0, "措辞")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RuleText(15, " ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("系统在页面和档案上的名称取自政策包的办法名称：去掉文号和“办法”，各市各用其名")
    void theSystemIsNamedAfterTheMeasures() {
        assertThat(PolicyPacks.taicang().systemNameZh()).isEqualTo("太仓市级电子政务项目管理");
        assertThat(PolicyPacks.taicang().recordTitleZh()).isEqualTo("太仓市级电子政务项目档案");
        assertThat(PolicyPacks.example().systemNameZh()).doesNotContain("太仓").doesNotContain("（").endsWith("管理");
        assertThat(PolicyPacks.example().recordTitleZh()).doesNotContain("太仓").endsWith("项目档案");
        assertThat(PolicyPack.systemNameOf("某市电子政务项目管理暂行办法")).isEqualTo("某市电子政务项目管理");
        assertThat(PolicyPack.systemNameOf("某市政务信息系统规定(2024)")).isEqualTo("某市政务信息系统");
        assertThat(PolicyPack.systemNameOf("办法")).isEqualTo("办法");
    }
}
