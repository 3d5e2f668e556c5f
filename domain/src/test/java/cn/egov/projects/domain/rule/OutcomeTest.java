package cn.egov.projects.domain.rule;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("决定：拒绝与标记")
class OutcomeTest {

    private static final Violation REFUSAL = new Violation(RuleCode.ART14_CONTRACT_OVER_BUDGET, "第十四条", "第十四条：超出预算");
    private static final Violation FLAG = new Violation(RuleCode.ART22_TRIAL_TOO_LONG, "第二十二条", "第二十二条：逾期验收");

    @Test
    @DisplayName("只有标记的决定不构成拒绝")
    void flagsAloneDoNotRefuse() {
        Outcome outcome = Outcome.of(List.of(FLAG));

        assertThat(outcome.isRefused()).isFalse();
        assertThat(outcome.flags()).containsExactly(FLAG);
        assertThat(outcome.refusals()).isEmpty();
        assertThat(outcome.has(RuleCode.ART22_TRIAL_TOO_LONG)).isTrue();
    }

    @Test
    @DisplayName("标记与拒绝合并后构成拒绝，两者都保留")
    void combiningKeepsBoth() {
        Outcome outcome = Outcome.of(List.of(FLAG)).and(Outcome.refused(REFUSAL));

        assertThat(outcome.isRefused()).isTrue();
        assertThat(outcome.refusals()).containsExactly(REFUSAL);
        assertThat(outcome.flags()).containsExactly(FLAG);
    }

    @Test
    @DisplayName("没有任何违规的决定为允许")
    void emptyIsAllowed() {
        assertThat(Outcome.of(List.of())).isEqualTo(Outcome.allowed());
        assertThat(Outcome.allowed().isRefused()).isFalse();
        assertThat(Outcome.allowed().and(Outcome.allowed()).violations()).isEmpty();
    }

    @Test
    @DisplayName("只有第十七条未实质性启动和第二十二条逾期验收是标记，其余规则均为拒绝")
    void onlyTwoRulesAreFlags() {
        for (RuleCode code : RuleCode.values()) {
            boolean flag = code == RuleCode.ART17_NO_SUBSTANTIVE_START || code == RuleCode.ART22_TRIAL_TOO_LONG;
            assertThat(code.severity()).as(code.name())
                    .isEqualTo(flag ? RuleCode.Severity.FLAG : RuleCode.Severity.REFUSAL);
        }
    }
}
