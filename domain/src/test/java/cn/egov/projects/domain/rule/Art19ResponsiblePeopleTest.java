package cn.egov.projects.domain.rule;

import cn.egov.projects.domain.policy.PolicyPacks;
import cn.egov.projects.domain.project.AccountablePeople;
import cn.egov.projects.domain.project.Journey;
import cn.egov.projects.domain.project.Person;
import cn.egov.projects.domain.project.ProjectState;
import cn.egov.projects.domain.project.Supplementary;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;

import static cn.egov.projects.domain.project.Fixtures.profile;
import static cn.egov.projects.domain.rule.RuleAssertions.assertClean;
import static cn.egov.projects.domain.rule.RuleAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("第十九条 分管领导和责任人")
class Art19ResponsiblePeopleTest {

    @Test
    @DisplayName("未填写分管领导和责任人的项目不能申报")
    void declarationWithoutPeopleIsRefused() {
        Journey j = Journey.of(profile().people(null).build(), PolicyPacks.taicang());

        Outcome outcome = j.project.declare(LocalDate.of(2024, 9, 15), Optional.of(j.window()), j.pack);

        assertRefused(outcome, RuleCode.ART19_RESPONSIBLE_PEOPLE, "第十九条", "实施单位应明确项目的分管领导、责任人",
                "申报前须填写分管领导和责任人");
        assertThat(j.project.state()).isEqualTo(ProjectState.DRAFT);
    }

    @Test
    @DisplayName("只填写分管领导、未填写责任人的项目不能申报")
    void declarationWithLeaderOnlyIsRefused() {
        AccountablePeople leaderOnly = new AccountablePeople(new Person("周建国", "13912345678", "zhoujg@taicang.gov.cn"),
                null);
        Journey j = Journey.of(profile().people(leaderOnly).build(), PolicyPacks.taicang());

        Outcome outcome = j.project.declare(LocalDate.of(2024, 9, 15), Optional.of(j.window()), j.pack);

        assertRefused(outcome, RuleCode.ART19_RESPONSIBLE_PEOPLE, "第十九条");
    }

    @Test
    @DisplayName("填写了分管领导和责任人的项目可以申报")
    void declarationWithPeoplePasses() {
        Journey j = Journey.of(profile().build(), PolicyPacks.taicang());

        assertClean(j.project.declare(LocalDate.of(2024, 9, 15), Optional.of(j.window()), j.pack));
    }

    @Test
    @DisplayName("追加申报同样须先明确分管领导和责任人")
    void supplementaryDeclarationWithoutPeopleIsRefused() {
        Journey j = Journey.of(profile().people(null).build(), PolicyPacks.taicang());

        Outcome outcome = j.project.declareSupplementary(LocalDate.of(2025, 5, 10),
                new Supplementary("省政府办公厅文件要求年内建成", "可行性研究方案（2025年4月）"), j.pack);

        assertRefused(outcome, RuleCode.ART19_RESPONSIBLE_PEOPLE, "第十九条");
    }

    @Test
    @DisplayName("责任人手机号码不是11位大陆手机号的不能录入")
    void personNeedsAReachableMobile() {
        assertThatThrownBy(() -> new Person("吴晓梅", "1381234567", "wuxm@taicang.gov.cn"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Person("吴晓梅", "13812345678", "wuxm-at-taicang"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
