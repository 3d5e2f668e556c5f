package cn.egov.projects.domain.policy;

import cn.egov.projects.domain.rule.RuleCode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("政策包的验收阶段")
class AcceptanceStagesTest {

    @Test
    @DisplayName("太仓政策包只有一个验收阶段：第二十四条的竣工验收，专家和文档要求与政策包一致")
    void taicangHasOneStage() {
        PolicyPack t = PolicyPacks.taicang();
        assertThat(t.acceptanceStages()).singleElement().satisfies(s -> {
            assertThat(s.key()).isEqualTo(AcceptanceStage.FINAL);
            assertThat(s.nameZh()).isEqualTo("竣工验收");
            assertThat(s.rule()).isEqualTo(t.rules().get(RuleCode.ART24_EXPERTS));
            assertThat(s.expertPanelMinimum()).isEqualTo(t.expertPanelMinimum());
            assertThat(s.documents()).isEqualTo(t.acceptanceDocuments());
        });
        assertThat(t.finalAcceptanceStage()).isSameAs(t.acceptanceStages().get(0));
        // one stage words a refusal exactly as the pack's Art. 24 rule does
        assertThat(t.violation(t.finalAcceptanceStage(), "验收专家2名，应不少于3名"))
                .isEqualTo(t.violation(RuleCode.ART24_EXPERTS, "验收专家2名，应不少于3名"));
    }

    @Test
    @DisplayName("两阶段验收政策包：先初步验收（第二十五条，实施单位组织），后竣工验收（第二十六条，主管部门组织）")
    void twoStagesInOrder() {
        PolicyPack p = PolicyPacks.twoStage();
        assertThat(p.acceptanceStages()).extracting(AcceptanceStage::nameZh).containsExactly("初步验收", "竣工验收");
        assertThat(p.acceptanceStages()).extracting(s -> s.rule().article()).containsExactly(25, 26);
        assertThat(p.acceptanceStages()).extracting(AcceptanceStage::expertPanelMinimum).containsExactly(3, 5);
        assertThat(p.finalAcceptanceStage().key()).isEqualTo(AcceptanceStage.FINAL);
        assertThat(p.acceptanceStage("PRELIMINARY")).isPresent();
        assertThat(p.violation(p.finalAcceptanceStage(), "x").messageZh()).startsWith("第二十六条：初步验收合格后");
        assertThat(p.articleOf(RuleCode.ART21_NOT_ACCEPTED)).isEqualTo("第二十二条");
        // its deadlines in its own words, with its own periods
        assertThat(cn.egov.projects.domain.deadline.DeadlineKind.CONTRACT_FILING.descriptionZh(p))
                .isEqualTo("项目合同签订后15个工作日内将合同报主管部门备案");
        assertThat(cn.egov.projects.domain.deadline.DeadlineKind.CONTRACT_FILING.descriptionZh(PolicyPacks.taicang()))
                .isEqualTo("项目合同签订后7个工作日内将合同报送市大数据管理局");
    }

    @Test
    @DisplayName("两个验收阶段不能同名；阶段须有名称、条款和组织者")
    void stagesAreChecked() {
        PolicyPack t = PolicyPacks.taicang();
        AcceptanceStage one = t.finalAcceptanceStage();
        assertThatThrownBy(() -> new PolicyPack(t.id(), t.nameZh(), t.effectiveFrom(), t.windowOpenMonths(),
                t.implementationPlan(), t.contractFiling(), t.progressInterval(), t.substantiveStart(),
                t.trialMinimum(), t.softwareTrialMinimum(), t.acceptanceLimit(), t.acceptanceReport(),
                t.finalAccounts(), t.supervisionThreshold(), t.supervisionNatures(), t.expertPanelMinimum(),
                t.acceptanceDocuments(), t.cybersecReviewGate(), t.cryptoReviewGate(), t.reminderOffsetsDays(),
                t.overdueRepeatDays(), t.scopeExclusions(), t.contractAdditionPercent(), t.acceptanceExpertsDrawn(),
                t.rules(), List.of(one, one), t.articles()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("share one key");
        assertThatThrownBy(() -> new AcceptanceStage("PRELIMINARY", " ", one.rule(), "实施单位", 3, List.of()))
                .hasMessageContaining("PRELIMINARY").hasMessageContaining("nameZh");
        assertThatThrownBy(() -> new AcceptanceStage("preliminary", "初步验收", one.rule(), "实施单位", 3, List.of()))
                .hasMessageContaining("key");
        assertThatThrownBy(() -> new AcceptanceStage("PRELIMINARY", "初步验收", one.rule(), "实施单位", 0, List.of()))
                .hasMessageContaining("expertPanelMinimum");
    }
}
