package cn.egov.projects.domain.project;

import cn.egov.projects.domain.money.Money;
import cn.egov.projects.domain.policy.PolicyPacks;
import cn.egov.projects.domain.rule.Outcome;
import cn.egov.projects.domain.rule.RuleCode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static cn.egov.projects.domain.project.Fixtures.contract;
import static cn.egov.projects.domain.project.Fixtures.d;
import static cn.egov.projects.domain.project.Fixtures.profile;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("被拒绝的操作不改变项目")
class RefusalLeavesProjectUnchangedTest {

    private static void assertRefusedWithoutChange(Journey j, RuleCode code, Function<Project, Outcome> action) {
        Project.Snapshot before = j.project.snapshot();

        Outcome outcome = action.apply(j.project);

        assertThat(outcome.isRefused()).isTrue();
        assertThat(outcome.has(code)).as("%s in %s", code, outcome.violations()).isTrue();
        assertThat(j.project.snapshot()).isEqualTo(before);
    }

    @Test
    @DisplayName("申报期外的申报被拒绝后，项目仍是原来的草稿")
    void refusedDeclaration() {
        Journey j = Journey.of(profile().build(), PolicyPacks.taicang());

        assertRefusedWithoutChange(j, RuleCode.ART7_WINDOW_CLOSED,
                p -> p.declare(LocalDate.of(2024, 10, 1), Optional.of(j.window()), j.pack));
    }

    @Test
    @DisplayName("超出预算的合同被拒绝后，项目的合同、期限和状态都不变")
    void refusedContract() {
        Journey j = Journey.of(profile().build(), PolicyPacks.taicang()).inProcurement();

        assertRefusedWithoutChange(j, RuleCode.ART14_CONTRACT_OVER_BUDGET,
                p -> p.signContract(contract("HT-2025-001", "600000.01", d("2025-03-14")), j.calc));
    }

    @Test
    @DisplayName("内容不一致的实施方案被拒绝后，实施方案期限仍未完成")
    void refusedImplementationPlan() {
        Journey j = Journey.of(profile().build(), PolicyPacks.taicang()).planned();

        assertRefusedWithoutChange(j, RuleCode.ART13_PLAN_INCONSISTENT, p -> p.submitImplementationPlan(
                new ImplementationPlan(d("2025-01-20"), List.of("移动端开发"), Money.yuan("600000.00"), "按季度"), j.pack));
    }

    @Test
    @DisplayName("专家人数不足的验收被拒绝后，没有记录任何验收")
    void refusedAcceptance() {
        Journey j = Journey.of(profile().build(), PolicyPacks.taicang()).onTrial(d("2025-04-01"))
                .cybersecReviewed(d("2025-05-10")).awaitingAcceptance(d("2025-05-20"));

        assertRefusedWithoutChange(j, RuleCode.ART24_EXPERTS, p -> p.recordAcceptance(new Acceptance(d("2025-06-10"),
                true, List.of("张明"), Fixtures.TAICANG_DOCUMENTS, "通过", false), j.calc));
    }

    @Test
    @DisplayName("预算追加的变更被拒绝后，没有记录变更申请")
    void refusedChange() {
        Journey j = Journey.of(profile().build(), PolicyPacks.taicang()).planned();

        assertRefusedWithoutChange(j, RuleCode.ART18_CHANGE_BEFORE_TENDER, p -> p.requestChange(new ChangeRequest(
                java.util.UUID.randomUUID(), d("2025-01-10"), "扩容", List.of(), Money.yuan("700000.00"), null, null,
                null), j.pack));
    }

    @Test
    @DisplayName("未经验收投入使用被拒绝后，项目仍在试运行")
    void refusedOperation() {
        Journey j = Journey.of(profile().build(), PolicyPacks.taicang()).onTrial(d("2025-04-01"));

        assertRefusedWithoutChange(j, RuleCode.ART21_NOT_ACCEPTED, p -> p.putIntoOperation(d("2025-05-01"), j.pack));
    }

    @Test
    @DisplayName("项目的副本与原项目互不影响，从快照恢复的项目与原项目相同")
    void copiesAreIndependent() {
        Journey j = Journey.of(profile().build(), PolicyPacks.taicang()).planned();
        Project copy = j.project.copy();

        Journey.ok(copy.submitImplementationPlan(j.matchingPlan(d("2025-01-20")), j.pack));

        assertThat(copy.state()).isEqualTo(ProjectState.IMPLEMENTING);
        assertThat(j.project.state()).isEqualTo(ProjectState.PLANNED);
        assertThat(Project.restore(j.project.snapshot()).snapshot()).isEqualTo(j.project.snapshot());
    }
}
