package cn.egov.projects.domain.project;

import cn.egov.projects.domain.access.Action;
import cn.egov.projects.domain.access.AvailableActions;
import cn.egov.projects.domain.policy.PolicyPacks;
import cn.egov.projects.domain.project.StateTable.Step;
import cn.egov.projects.domain.rule.Outcome;
import cn.egov.projects.domain.rule.RuleCode;
import cn.egov.projects.domain.rule.Violation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static cn.egov.projects.domain.project.Fixtures.profile;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every step tried in every state: where the state table opens a step the project takes it (with valid facts), and
 * where the table does not, the project refuses it and stays exactly as it was — so the actions a page offers
 * ({@link AvailableActions}) and the actions the project accepts are the same.
 */
@DisplayName("状态表：每个状态下的每个办理事项，可办事项与项目的受理一致")
class StateTableTest {

    private static final LocalDate DAY = LocalDate.of(2025, 6, 25);

    /** The codes by which a step is refused for the state the project is in. */
    private static final Set<RuleCode> STATE_CODES = Set.of(RuleCode.LIFECYCLE_ORDER, RuleCode.ART8_REVIEW_REQUIRED,
            RuleCode.ART9_NOT_FUNDED, RuleCode.ART10_SUPPLEMENTARY, RuleCode.ART12_NOT_IN_PLAN,
            RuleCode.ART13_PRE_PROCUREMENT, RuleCode.ART21_NOT_ACCEPTED, RuleCode.ART23_SELF_INSPECTION);

    /** A project (a software project using cryptography, plan year 2025) in each state of its life. */
    private static Map<ProjectState, Supplier<Journey>> projects() {
        Map<ProjectState, Supplier<Journey>> m = new EnumMap<>(ProjectState.class);
        Supplier<Journey> fresh = () -> Journey.of(profile().usesCryptography(true).build(), PolicyPacks.taicang());
        m.put(ProjectState.DRAFT, fresh);
        m.put(ProjectState.DECLARED, () -> fresh.get().declared());
        m.put(ProjectState.UNDER_REVIEW, () -> fresh.get().underReview());
        m.put(ProjectState.REVIEWED, () -> fresh.get().reviewed());
        m.put(ProjectState.FUNDING_PROPOSED, () -> fresh.get().fundingProposed());
        m.put(ProjectState.APPROVED, () -> fresh.get().approved());
        m.put(ProjectState.PLANNED, () -> fresh.get().planned());
        m.put(ProjectState.IMPLEMENTING, () -> fresh.get().implementing());
        m.put(ProjectState.PROCUREMENT, () -> fresh.get().inProcurement());
        m.put(ProjectState.CONTRACTED, () -> fresh.get().contracted());
        Supplier<Journey> trial = () -> fresh.get().onTrial(LocalDate.of(2025, 4, 1))
                .cybersecReviewed(LocalDate.of(2025, 4, 10)).cryptoReviewed(LocalDate.of(2025, 4, 10));
        m.put(ProjectState.TRIAL_RUN, trial);
        Supplier<Journey> pending = () -> trial.get().awaitingAcceptance(LocalDate.of(2025, 6, 10));
        m.put(ProjectState.ACCEPTANCE_PENDING, pending);
        Supplier<Journey> accepted = () -> {
            Journey j = pending.get();
            Journey.ok(j.project.recordAcceptance(j.acceptance(LocalDate.of(2025, 6, 20), true), j.calc));
            return j;
        };
        m.put(ProjectState.ACCEPTED, accepted);
        Supplier<Journey> operating = () -> {
            Journey j = accepted.get();
            Journey.ok(j.project.putIntoOperation(LocalDate.of(2025, 6, 21), j.pack));
            return j;
        };
        m.put(ProjectState.OPERATING, operating);
        m.put(ProjectState.CLOSED, () -> {
            Journey j = operating.get();
            Journey.ok(j.project.fileAcceptanceReport(LocalDate.of(2025, 6, 22), j.pack));
            Journey.ok(j.project.fileFinalAccounts(LocalDate.of(2025, 6, 23), j.yuan("600000.00"), j.pack));
            return j;
        });
        m.put(ProjectState.SUSPENDED, () -> {
            Journey j = fresh.get().contracted();
            Journey.ok(j.project.reportSituation(new SituationReport(LocalDate.of(2025, 3, 20),
                    SituationReport.Kind.SUSPENSION, "机构调整", true, true), j.pack));
            return j;
        });
        m.put(ProjectState.TERMINATED, () -> {
            Journey j = fresh.get().planned();
            Journey.ok(j.project.terminate(LocalDate.of(2025, 3, 1), "需求取消", "通报", j.pack));
            return j;
        });
        m.put(ProjectState.REJECTED, () -> {
            Journey j = fresh.get().underReview();
            Journey.ok(j.project.recordReview(new ReviewOpinion(LocalDate.of(2024, 10, 20), false,
                    Fixtures.THREE_EXPERTS, "不予立项"), j.pack));
            return j;
        });
        return m;
    }

    /** Each step taken with facts that are valid wherever the step is open. */
    private static Map<Step, Function<Journey, Outcome>> steps() {
        Map<Step, Function<Journey, Outcome>> m = new EnumMap<>(Step.class);
        m.put(Step.EDIT_DRAFT, j -> j.project.editDraft(j.project.profile(), j.pack));
        m.put(Step.DECLARE, j -> j.project.declare(LocalDate.of(2024, 9, 15), Optional.of(j.window()), j.pack));
        m.put(Step.DECLARE_SUPPLEMENTARY, j -> j.project.declareSupplementary(LocalDate.of(2025, 5, 10),
                new Supplementary("省级明确要求", "可行性研究方案"), j.pack));
        m.put(Step.START_REVIEW, j -> j.project.startReview(LocalDate.of(2024, 10, 10), j.pack));
        m.put(Step.RECORD_REVIEW, j -> j.project.recordReview(new ReviewOpinion(LocalDate.of(2024, 10, 20), true,
                Fixtures.THREE_EXPERTS, "同意"), j.pack));
        m.put(Step.PROPOSE_FUNDING, j -> j.project.proposeFunding(new FundingOpinion(LocalDate.of(2024, 11, 15),
                j.yuan("600000.00"), "建议安排"), j.pack));
        m.put(Step.RECORD_APPROVAL, j -> j.project.recordApproval(new GovernmentApproval(LocalDate.of(2024, 12, 20),
                j.yuan("600000.00"), "纪要"), j.pack));
        m.put(Step.ISSUE_PLAN, j -> j.project.includeInPlan(new PlanInclusion(LocalDate.of(2025, 1, 3), 2025, false,
                "计划"), j.calc));
        m.put(Step.ADD_TO_PLAN, j -> j.project.includeInPlan(new PlanInclusion(LocalDate.of(2025, 1, 3), 2025, true,
                "追加"), j.calc));
        m.put(Step.REPORT_HIGHER_LEVEL_FUNDING, j -> j.project.reportHigherLevelFunding(DAY, j.pack));
        m.put(Step.SUBMIT_IMPLEMENTATION_PLAN, j -> j.project.submitImplementationPlan(
                j.matchingPlan(LocalDate.of(2025, 1, 20)), j.pack));
        m.put(Step.PRE_PROCUREMENT_REVIEW, j -> j.project.recordPreProcurementReview(
                new PreProcurementReview(LocalDate.of(2025, 2, 10), true, "同意"), j.pack));
        m.put(Step.RECORD_START_WITHOUT_PROCUREMENT, j -> j.project.recordStartWithoutProcurement("沿用既有运维合同",
                LocalDate.of(2025, 2, 1), j.calc));
        m.put(Step.SIGN_CONTRACT, j -> j.project.signContract(new Contract("HT-9", "某公司", j.yuan("1000.00"),
                LocalDate.of(2025, 3, 20), null, null), j.calc));
        m.put(Step.FILE_CONTRACT, j -> j.project.fileContract(j.project.contracts().stream()
                .filter(c -> c.filedOn() == null).map(Contract::number).findFirst().orElse("HT-0"), DAY, j.pack));
        m.put(Step.REPORT_PROGRESS, j -> j.project.reportProgress(new ProgressReport(DAY, 50, "按计划推进"), j.calc));
        m.put(Step.REQUEST_CHANGE, j -> j.project.requestChange(new ChangeRequest(UUID.randomUUID(), DAY, "调整界面",
                List.of(), null, null, null, null), j.pack));
        m.put(Step.DECIDE_CHANGE, j -> j.project.decideChange(j.project.changes().stream()
                .filter(c -> c.status() == ChangeRequest.Status.PENDING).map(ChangeRequest::id).findFirst()
                .orElse(UUID.randomUUID()), true, DAY, "同意", j.pack));
        m.put(Step.REPORT_SITUATION, j -> j.project.reportSituation(new SituationReport(DAY,
                SituationReport.Kind.DELAY, "需求调整", true, true), j.pack));
        m.put(Step.RESUME, j -> j.project.resume(DAY, j.pack));
        m.put(Step.TERMINATE, j -> j.project.terminate(DAY, "需求取消", "通报", j.pack));
        m.put(Step.RECORD_FUND_RECOVERY, j -> j.project.recordFundRecovery(DAY, j.yuan("1000.00"), j.pack));
        m.put(Step.RECORD_START_EXCEPTION, j -> j.project.recordStartException("疫情影响", j.pack));
        m.put(Step.WAIVE_DEADLINE, j -> j.project.waiveDeadline(j.project.deadlines().stream()
                .filter(cn.egov.projects.domain.deadline.Deadline::isOpen).map(cn.egov.projects.domain.deadline.Deadline::id)
                .findFirst().orElse(UUID.randomUUID()), "并入主体项目", j.pack));
        m.put(Step.RECORD_CYBERSEC_REVIEW, j -> j.project.recordSecurityReview(new SecurityReview(DAY,
                SecurityReview.Kind.CYBERSECURITY, true, "通过"), j.pack));
        m.put(Step.RECORD_CRYPTO_REVIEW, j -> j.project.recordSecurityReview(new SecurityReview(DAY,
                SecurityReview.Kind.CRYPTOGRAPHY, true, "通过"), j.pack));
        m.put(Step.START_TRIAL_RUN, j -> j.project.startTrialRun(LocalDate.of(2025, 4, 1), j.calc));
        m.put(Step.FILE_SELF_INSPECTION, j -> j.project.fileSelfInspection(
                Fixtures.completeSelfInspection(LocalDate.of(2025, 6, 10)), j.pack));
        m.put(Step.RECORD_ACCEPTANCE, j -> j.project.recordAcceptance(j.acceptance(LocalDate.of(2025, 6, 20), true),
                j.calc));
        m.put(Step.PUT_INTO_OPERATION, j -> j.project.putIntoOperation(DAY, j.pack));
        m.put(Step.FILE_ACCEPTANCE_REPORT, j -> j.project.fileAcceptanceReport(DAY, j.pack));
        m.put(Step.FILE_FINAL_ACCOUNTS, j -> j.project.fileFinalAccounts(DAY, j.yuan("600000.00"), j.pack));
        m.put(Step.RECORD_MAINTENANCE, j -> j.project.recordMaintenanceArrangement("本单位运维", DAY, j.pack));
        return m;
    }

    static Stream<Arguments> everyPair() {
        List<Arguments> pairs = new ArrayList<>();
        for (ProjectState state : ProjectState.values()) {
            for (Step step : steps().keySet()) {
                pairs.add(Arguments.of(state, step));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} × {1}")
    @MethodSource("everyPair")
    @DisplayName("状态×事项：状态表开放的事项被受理，不开放的被拒绝且项目不变")
    void theProjectAcceptsExactlyWhatTheTableOpens(ProjectState state, Step step) {
        Journey j = projects().get(state).get();
        assertThat(j.project.state()).isEqualTo(state);
        boolean open = StateTable.opens(step, j.project);
        assertThat(AvailableActions.openedByState(j.project).contains(AvailableActions.actionOf(step))).isEqualTo(open);
        Project.Snapshot before = j.project.snapshot();

        Outcome outcome = steps().get(step).apply(j);

        if (open) {
            // refused, if at all, only for the facts given (a second contract over the budget), never for the state
            assertThat(outcome.refusals()).as("%s in %s", step, state).extracting(Violation::code)
                    .doesNotContainAnyElementsOf(STATE_CODES);
            if (!(step == Step.SIGN_CONTRACT && state == ProjectState.CONTRACTED)) {
                assertThat(outcome.isRefused()).as("%s in %s: %s", step, state, outcome.refusals()).isFalse();
            }
        } else {
            assertThat(outcome.isRefused()).as("%s in %s must be refused", step, state).isTrue();
            assertThat(outcome.refusals()).allSatisfy(v -> assertThat(v.messageZh()).startsWith(v.article()));
            assertThat(j.project.snapshot()).isEqualTo(before);
        }
    }

    @Test
    @DisplayName("每个办理事项都有同名的操作，表中的每一行都引用条款")
    void everyStepIsAnActionWithAnArticle() {
        for (Step step : Step.values()) {
            Action action = AvailableActions.actionOf(step);
            assertThat(action.name()).isEqualTo(step.name());
            assertThat(PolicyPacks.taicang().article(StateTable.row(step).provision())).isBetween(2, 29);
            assertThat(StateTable.row(step).states()).isNotEmpty();
        }
        assertThat(steps().keySet()).containsAll(java.util.EnumSet.complementOf(java.util.EnumSet.of(Step.ATTACH_DOCUMENT)));
    }
}
