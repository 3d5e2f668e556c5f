package cn.egov.projects.domain.project;

import cn.egov.projects.domain.catalog.FundingSource;
import cn.egov.projects.domain.deadline.Deadline;
import cn.egov.projects.domain.deadline.DeadlineCalculator;
import cn.egov.projects.domain.deadline.DeadlineKind;
import cn.egov.projects.domain.declaration.DeclarationWindow;
import cn.egov.projects.domain.money.Money;
import cn.egov.projects.domain.policy.AcceptanceStage;
import cn.egov.projects.domain.policy.Gate;
import cn.egov.projects.domain.policy.PolicyPack;
import cn.egov.projects.domain.policy.ScopeExclusion;
import cn.egov.projects.domain.project.StateTable.Step;
import cn.egov.projects.domain.rule.Outcome;
import cn.egov.projects.domain.rule.Provision;
import cn.egov.projects.domain.rule.RuleCode;
import cn.egov.projects.domain.rule.Violation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The trial run, acceptance and closing (Art. 20 to 26): the trial run's limits, the self-inspection report, each
 * stage of acceptance the pack holds, use after acceptance, the acceptance report, the final accounts and operation
 * and maintenance.
 * A part of the {@link Project} aggregate: it holds no state of its own but the steps of its stage and the
 * invariants they check, on the root's state, in the root's transaction.
 */
final class AcceptanceAndClosing {

    private final Project p;

    AcceptanceAndClosing(Project p) {
        this.p = p;
    }

    Outcome startTrialRun(LocalDate startedOn, DeadlineCalculator calc) {
        PolicyPack pack = calc.pack();
        if (p.state == ProjectState.SUSPENDED) {
            return Project.suspendedRefusal(pack, Provision.TRIAL_RUN);
        }
        if (p.trialStartOn != null) {
            return Outcome.refused(pack.violation(RuleCode.ART21_NOT_ACCEPTED, "试运行已于" + p.trialStartOn + "开始，不能重新开始或延长"));
        }
        boolean startedWithoutProcurement = p.state == ProjectState.IMPLEMENTING && p.noProcurementReason != null;
        if (p.state != ProjectState.CONTRACTED && !startedWithoutProcurement) {
            if (!p.state.isInPlan()) {
                return Outcome.refused(pack.violation(RuleCode.ART12_NOT_IN_PLAN,
                        "项目当前状态为「" + p.state.zh() + "」，尚未列入已下达的实施计划"));
            }
            return Outcome.refused(pack.orderViolation(Provision.TRIAL_RUN, "项目当前状态为「" + p.state.zh() + "」，须先签订合同或记录无需采购的开工"));
        }
        Map<String, LocalDate> before = p.stepsBeforeStart();
        before.put(p.noProcurementReason != null ? "开工" : "首份合同签订", p.substantiveStartOn);
        for (Contract c : p.contracts) {
            before.put("合同" + c.number() + "签订", c.signedOn());
            before.put("合同" + c.number() + "报送", c.filedOn());
        }
        Outcome dates = Project.notBefore(pack, Provision.TRIAL_RUN, "试运行开始日期", startedOn, before);
        if (dates.isRefused()) {
            return dates;
        }
        return p.transition(Step.START_TRIAL_RUN, pack, p.reviewGates(Gate.TRIAL_RUN, pack), ProjectState.TRIAL_RUN, () -> {
            p.trialStartOn = startedOn;
            p.deadlines.add(calc.open(DeadlineKind.ACCEPTANCE_LIMIT, null, startedOn));
        });
    }

    Outcome fileSelfInspection(SelfInspection report, PolicyPack pack) {
        Outcome order = p.requireStep(Step.FILE_SELF_INSPECTION, pack);
        if (order.isRefused()) {
            return order;
        }
        List<String> missing = new ArrayList<>();
        if (Project.blank(report.contentCompletion())) {
            missing.add("实施内容完成情况");
        }
        if (Project.blank(report.resourceCatalogue())) {
            missing.add("资源目录整理情况");
        }
        List<String> unreported = p.profile.performanceGoals().stream().map(PerformanceGoal::indicator)
                .filter(i -> report.goalAchievements().stream().noneMatch(a -> a.indicator().equals(i))).toList();
        if (p.profile.performanceGoals().isEmpty() && Project.blank(report.performanceGoals())) {
            missing.add("绩效目标达成情况");
        } else if (!unreported.isEmpty()) {
            missing.add("绩效目标达成情况（未报告的指标：" + String.join("、", unreported) + "）");
        }
        List<Violation> found = new ArrayList<>();
        if (!missing.isEmpty()) {
            found.add(pack.violation(RuleCode.ART23_SELF_INSPECTION, "自查报告缺少：" + String.join("、", missing)));
        }
        found.addAll(achievementChecks(report.goalAchievements(), pack));
        if (!found.isEmpty()) {
            return Outcome.of(found);
        }
        return p.transition(Step.FILE_SELF_INSPECTION, pack, order, ProjectState.ACCEPTANCE_PENDING, () -> p.selfInspection = report);
    }

    private List<Violation> achievementChecks(List<GoalAchievement> achievements, PolicyPack pack) {
        List<Violation> found = new ArrayList<>();
        List<String> unknown = achievements.stream().map(GoalAchievement::indicator)
                .filter(i -> p.profile.goal(i).isEmpty()).distinct().toList();
        if (!unknown.isEmpty()) {
            found.add(pack.violation(RuleCode.ART23_SELF_INSPECTION,
                    "以下指标不是本项目申报的绩效目标：" + String.join("、", unknown)));
        }
        List<String> noActual = achievements.stream().filter(a -> a.actual() == null)
                .map(GoalAchievement::indicator).toList();
        if (!noActual.isEmpty()) {
            found.add(pack.violation(RuleCode.ART23_SELF_INSPECTION,
                    "以下绩效目标须填写实际完成值：" + String.join("、", noActual)));
        }
        List<String> unexplained = achievements.stream()
                .filter(a -> a.attainment() != Attainment.MET && a.explanation() == null)
                .map(GoalAchievement::indicator).toList();
        if (!unexplained.isEmpty()) {
            found.add(pack.violation(RuleCode.ART23_SELF_INSPECTION,
                    "以下绩效目标未完全达成，须说明原因：" + String.join("、", unexplained)));
        }
        List<String> shortOfTarget = new ArrayList<>();
        for (GoalAchievement a : achievements) {
            p.profile.goal(a.indicator()).flatMap(g -> g.metBy(a.actualValue()))
                    .filter(met -> !met && a.attainment() == Attainment.MET)
                    .ifPresent(met -> shortOfTarget.add(a.indicator() + "（实际" + a.actual() + "，目标"
                            + p.profile.goal(a.indicator()).orElseThrow().targetZh() + "）"));
        }
        if (!shortOfTarget.isEmpty()) {
            found.add(pack.violation(RuleCode.ART23_SELF_INSPECTION,
                    "以下绩效目标的实际完成值未达到目标值，不能报为达成：" + String.join("、", shortOfTarget)));
        }
        return found;
    }

    Outcome recordAcceptance(Acceptance acceptance, DeadlineCalculator calc) {
        PolicyPack pack = calc.pack();
        if (p.state == ProjectState.TRIAL_RUN) {
            return Outcome.refused(pack.violation(RuleCode.ART23_SELF_INSPECTION, "验收前须先报送项目自查报告"));
        }
        AcceptanceStage stage = nextAcceptanceStage(pack);
        if (p.state != ProjectState.ACCEPTANCE_PENDING) {
            return Outcome.refused(pack.orderViolation(stage, "项目当前状态为「" + p.state.zh() + "」，不能组织"
                    + (pack.acceptanceStages().size() > 1 ? stage.nameZh() : "验收")));
        }
        boolean lastStage = stage.key().equals(pack.finalAcceptanceStage().key());
        boolean firstStage = stage.key().equals(pack.acceptanceStages().get(0).key());
        String stageZh = pack.acceptanceStages().size() > 1 ? stage.nameZh() : "验收";
        Map<String, LocalDate> before = new LinkedHashMap<>();
        before.put("试运行开始", p.trialStartOn);
        before.put("报送项目自查报告", p.selfInspection == null ? null : p.selfInspection.on());
        p.acceptances.stream().reduce((a, b) -> b).ifPresent(a -> before.put("上次验收", a.heldOn()));
        Outcome dates = Project.notBefore(detail -> pack.dateOrderViolation(stage, detail), stageZh + "日期",
                acceptance.heldOn(), before);
        if (dates.isRefused()) {
            return dates;
        }
        List<Violation> found = new ArrayList<>();
        LocalDate earliest = calc.earliestAcceptance(p.trialStartOn, p.profile.softwareDevelopment());
        if (acceptance.heldOn().isBefore(earliest)) {
            found.add(pack.violation(RuleCode.ART22_TRIAL_TOO_SHORT, "试运行自" + p.trialStartOn + "开始，"
                    + (p.profile.softwareDevelopment() ? "软件开发项目" : "本项目") + "最早可于" + earliest + "验收"));
        }
        if (acceptance.experts().size() < stage.expertPanelMinimum()) {
            found.add(pack.violation(stage, stageZh + "专家" + acceptance.experts().size() + "名，应不少于"
                    + stage.expertPanelMinimum() + "名"));
        }
        List<String> missingDocs = stage.documents().stream()
                .filter(d -> !acceptance.documents().contains(d)).toList();
        if (!missingDocs.isEmpty()) {
            found.add(pack.violation(stage, stageZh + "文档不完整，缺少：" + String.join("、", missingDocs)));
        }
        List<String> unknownGoals = acceptance.goalAssessments().stream().map(GoalAssessment::indicator)
                .filter(i -> p.profile.goal(i).isEmpty()).distinct().toList();
        if (!unknownGoals.isEmpty()) {
            found.add(pack.violation(stage,
                    "专家意见所列以下指标不是本项目申报的绩效目标：" + String.join("、", unknownGoals)));
        }
        Outcome outcome = Outcome.of(found);
        if (acceptance.passed()) {
            outcome = outcome.and(p.reviewGates(Gate.ACCEPTANCE, pack));
        }
        Optional<Deadline> limit = p.openDeadline(DeadlineKind.ACCEPTANCE_LIMIT, null);
        boolean late = limit.isPresent() && acceptance.heldOn().isAfter(limit.get().due());
        if (late && acceptance.passed() && lastStage) {
            outcome = outcome.and(Outcome.of(List.of(pack.violation(RuleCode.ART22_TRIAL_TOO_LONG,
                    "试运行自" + p.trialStartOn + "开始，应于" + limit.get().due() + "前完成验收，本次验收逾期"))));
        }
        Acceptance recorded = new Acceptance(acceptance.heldOn(), acceptance.passed(), acceptance.experts(),
                acceptance.documents(), acceptance.conclusion(), late, acceptance.goalAssessments(), stage.key());
        return p.apply(Step.RECORD_ACCEPTANCE, pack, outcome, () -> {
            p.acceptances.add(recorded);
            if (recorded.passed() && lastStage) {
                p.state = ProjectState.ACCEPTED;
                p.meet(DeadlineKind.ACCEPTANCE_LIMIT, null, recorded.heldOn());
                p.replaceAllOpen(DeadlineKind.PROGRESS_REPORT, d -> d.waived("项目已验收，无需再报送进度"));
                p.deadlines.add(calc.open(DeadlineKind.ACCEPTANCE_REPORT, null, recorded.heldOn()));
                p.deadlines.add(calc.open(DeadlineKind.FINAL_ACCOUNTS, null, recorded.heldOn()));
            } else if (!recorded.passed() && firstStage) {
                p.state = ProjectState.TRIAL_RUN;
                p.selfInspection = null;
            }
        });
    }

    AcceptanceStage nextAcceptanceStage(PolicyPack pack) {
        List<AcceptanceStage> stages = pack.acceptanceStages();
        return stages.get(Math.min(passedAcceptanceStages(pack), stages.size() - 1));
    }

    int passedAcceptanceStages(PolicyPack pack) {
        List<String> keys = pack.acceptanceStages().stream().map(AcceptanceStage::key).toList();
        int done = -1;
        for (Acceptance a : p.acceptances) {
            if (a.passed()) {
                done = Math.max(done, a.stage() == null ? keys.size() - 1 : keys.indexOf(a.stage()));
            }
        }
        return done + 1;
    }

    Outcome putIntoOperation(LocalDate today, PolicyPack pack) {
        if (p.state != ProjectState.ACCEPTED) {
            if (p.state == ProjectState.OPERATING || p.state == ProjectState.CLOSED) {
                return Outcome.refused(pack.orderViolation(Provision.USE_AFTER_ACCEPTANCE, "项目已投入使用"));
            }
            return Outcome.refused(pack.violation(RuleCode.ART21_NOT_ACCEPTED, "项目当前状态为「" + p.state.zh() + "」，尚未通过"
                    + pack.finalAcceptanceStage().nameZh()));
        }
        return p.apply(Step.PUT_INTO_OPERATION, pack, Outcome.allowed(), () -> {
            p.operatingFrom = today;
            p.state = ProjectState.OPERATING;
            closeIfComplete();
        });
    }

    Outcome fileAcceptanceReport(LocalDate today, PolicyPack pack) {
        Outcome order = p.requireStep(Step.FILE_ACCEPTANCE_REPORT, pack);
        if (order.isRefused()) {
            return order;
        }
        if (p.acceptanceReportOn != null) {
            return Outcome.refused(pack.orderViolation(Provision.ACCEPTANCE_REPORT, "验收报告已于" + p.acceptanceReportOn + "报送"));
        }
        return p.apply(Step.FILE_ACCEPTANCE_REPORT, pack, order, () -> {
            p.acceptanceReportOn = today;
            p.meet(DeadlineKind.ACCEPTANCE_REPORT, null, today);
            closeIfComplete();
        });
    }

    Outcome fileFinalAccounts(LocalDate today, Money amount, PolicyPack pack) {
        Outcome order = p.requireStep(Step.FILE_FINAL_ACCOUNTS, pack);
        if (order.isRefused()) {
            return order;
        }
        if (p.finalAccountsOn != null) {
            return Outcome.refused(pack.orderViolation(Provision.FINAL_ACCOUNTS, "竣工决算已于" + p.finalAccountsOn + "备案"));
        }
        return p.apply(Step.FILE_FINAL_ACCOUNTS, pack, order, () -> {
            p.finalAccountsOn = today;
            p.finalAccountsAmount = amount;
            p.meet(DeadlineKind.FINAL_ACCOUNTS, null, today);
            closeIfComplete();
        });
    }

    private void closeIfComplete() {
        if (p.state == ProjectState.OPERATING && p.acceptanceReportOn != null && p.finalAccountsOn != null) {
            p.state = ProjectState.CLOSED;
        }
    }

    Outcome recordMaintenanceArrangement(String arrangement, LocalDate today, PolicyPack pack) {
        if (Project.blank(arrangement)) {
            return Outcome.refused(pack.orderViolation(Provision.OPERATION_AND_MAINTENANCE, "须说明运行维护的安排"));
        }
        if (!Set.of(ProjectState.ACCEPTED, ProjectState.OPERATING, ProjectState.CLOSED).contains(p.state)) {
            return Outcome.refused(pack.orderViolation(Provision.OPERATION_AND_MAINTENANCE, "项目当前状态为「" + p.state.zh() + "」，验收通过后才安排运维"));
        }
        if (p.deadlines.stream().noneMatch(d -> d.kind() == DeadlineKind.WARRANTY_END && d.isOpen())) {
            return Outcome.refused(pack.orderViolation(Provision.OPERATION_AND_MAINTENANCE, "本项目没有待安排的免费维保期届满事项"));
        }
        return p.apply(Step.RECORD_MAINTENANCE, pack, Outcome.allowed(), () -> {
            p.maintenanceArrangement = arrangement.trim();
            p.replaceAllOpen(DeadlineKind.WARRANTY_END, d -> d.metOn(today));
        });
    }
}
