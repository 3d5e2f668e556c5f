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
 * Implementation and procurement (Art. 4, 13, 14, 16, 17, 18): the review before procurement, contracts within the
 * budget, progress, changes before and after the tender, delay, suspension, termination and the Art. 4 reviews.
 * A part of the {@link Project} aggregate: it holds no state of its own but the steps of its stage and the
 * invariants they check, on the root's state, in the root's transaction.
 */
final class ImplementationAndProcurement {

    private final Project p;

    ImplementationAndProcurement(Project p) {
        this.p = p;
    }

    Outcome recordPreProcurementReview(PreProcurementReview review, PolicyPack pack) {
        Outcome order = p.requireStep(Step.PRE_PROCUREMENT_REVIEW, pack);
        if (order.isRefused()) {
            return order;
        }
        if (p.noProcurementReason != null) {
            return Outcome.refused(pack.orderViolation(Provision.IMPLEMENTATION_PLAN, "本项目已记录为无需政府采购"));
        }
        Outcome gates = review.passed() ? p.reviewGates(Gate.PROCUREMENT, pack) : Outcome.allowed();
        return p.apply(Step.PRE_PROCUREMENT_REVIEW, pack, gates, () -> {
            p.preProcurementReviews.add(review);
            if (review.passed()) {
                p.state = ProjectState.PROCUREMENT;
            }
        });
    }

    Outcome recordStartWithoutProcurement(String reason, LocalDate startedOn, DeadlineCalculator calc) {
        PolicyPack pack = calc.pack();
        Outcome order = p.requireStep(Step.RECORD_START_WITHOUT_PROCUREMENT, pack);
        if (order.isRefused()) {
            return order;
        }
        if (Project.blank(reason)) {
            return Outcome.refused(pack.orderViolation(Provision.IMPLEMENTATION_PLAN, "不经政府采购的项目须记录理由"));
        }
        if (p.noProcurementReason != null) {
            return Outcome.refused(pack.orderViolation(Provision.START_AND_TERMINATION, "已记录开工"));
        }
        Outcome dates = Project.notBefore(pack, Provision.START_AND_TERMINATION, "开工日期", startedOn, p.stepsBeforeStart());
        if (dates.isRefused()) {
            return dates;
        }
        return p.apply(Step.RECORD_START_WITHOUT_PROCUREMENT, pack, order, () -> {
            p.noProcurementReason = reason.trim();
            startSubstantively(startedOn, calc);
        });
    }

    Outcome signContract(Contract contract, DeadlineCalculator calc) {
        PolicyPack pack = calc.pack();
        if (p.state == ProjectState.SUSPENDED) {
            return Project.suspendedRefusal(pack, Provision.CONTRACT);
        }
        if (!p.state.isInPlan()) {
            return Outcome.refused(pack.violation(RuleCode.ART12_NOT_IN_PLAN,
                    "项目当前状态为「" + p.state.zh() + "」，尚未列入已下达的实施计划"));
        }
        if (p.state == ProjectState.PLANNED || p.state == ProjectState.IMPLEMENTING) {
            return Outcome.refused(pack.violation(RuleCode.ART13_PRE_PROCUREMENT,
                    p.state == ProjectState.PLANNED ? "请先报送实施方案" : "尚无市大数据管理局实施前评审通过的意见"));
        }
        Outcome order = p.requireStep(Step.SIGN_CONTRACT, pack);
        if (order.isRefused()) {
            return order;
        }
        if (p.plan != null && contract.signedOn().isBefore(p.plan.on())) {
            return Outcome.refused(pack.violation(RuleCode.ART12_NOT_IN_PLAN,
                    "合同签订日期" + contract.signedOn() + "早于列入实施计划日期" + p.plan.on()));
        }
        Outcome dates = Project.notBefore(pack, Provision.CONTRACT, "合同签订日期", contract.signedOn(), p.stepsBeforeStart());
        if (dates.isRefused()) {
            return dates;
        }
        if (p.contracts.stream().anyMatch(c -> c.number().equals(contract.number()))) {
            return Outcome.refused(pack.orderViolation(Provision.CONTRACT, "合同编号" + contract.number() + "已录入"));
        }
        Money signed = p.contracts.stream().map(Contract::amount).reduce(contract.amount(), Money::plus);
        Money budget = p.agreedBudget();
        if (signed.exceeds(budget)) {
            return Outcome.refused(pack.violation(RuleCode.ART14_CONTRACT_OVER_BUDGET,
                    "合同金额合计" + signed.toChinese() + "超出批复预算" + budget.toChinese()));
        }
        return p.apply(Step.SIGN_CONTRACT, pack, order, () -> {
            boolean first = p.contracts.isEmpty();
            p.contracts.add(contract.filed(null));
            p.state = ProjectState.CONTRACTED;
            p.deadlines.add(calc.open(DeadlineKind.CONTRACT_FILING, contract.number(), contract.signedOn()));
            if (contract.warrantyEnd() != null) {
                p.deadlines.add(calc.openOnDate(DeadlineKind.WARRANTY_END, contract.number(), contract.signedOn(),
                        contract.warrantyEnd()));
            }
            if (first) {
                startSubstantively(contract.signedOn(), calc);
            }
        });
    }

    private void startSubstantively(LocalDate on, DeadlineCalculator calc) {
        p.substantiveStartOn = on;
        p.meet(DeadlineKind.SUBSTANTIVE_START, null, on);
        p.deadlines.add(calc.open(DeadlineKind.PROGRESS_REPORT, null, on));
    }

    Outcome fileContract(String number, LocalDate today, PolicyPack pack) {
        if (p.state.isFinal()) {
            return Outcome.refused(pack.orderViolation(Provision.CONTRACT, "项目当前状态为「" + p.state.zh() + "」，不能报送合同"));
        }
        Optional<Contract> found = p.contracts.stream().filter(c -> c.number().equals(number)).findFirst();
        if (found.isEmpty()) {
            return Outcome.refused(pack.orderViolation(Provision.CONTRACT, "未找到合同编号" + number));
        }
        if (found.get().filedOn() != null) {
            return Outcome.refused(pack.orderViolation(Provision.CONTRACT, "合同" + number + "已于" + found.get().filedOn() + "报送"));
        }
        return p.apply(Step.FILE_CONTRACT, pack, Outcome.allowed(), () -> {
            p.contracts.replaceAll(c -> c.number().equals(number) ? c.filed(today) : c);
            p.meet(DeadlineKind.CONTRACT_FILING, number, today);
        });
    }

    Outcome reportProgress(ProgressReport report, DeadlineCalculator calc) {
        PolicyPack pack = calc.pack();
        if (p.substantiveStartOn == null || !Set.of(ProjectState.IMPLEMENTING, ProjectState.PROCUREMENT,
                ProjectState.CONTRACTED, ProjectState.TRIAL_RUN, ProjectState.ACCEPTANCE_PENDING,
                ProjectState.SUSPENDED).contains(p.state)) {
            return Outcome.refused(pack.orderViolation(Provision.PROGRESS_REPORT, "项目当前状态为「" + p.state.zh() + "」，尚未启动实施，无需报送进度"));
        }
        if (report.percentComplete() < 0 || report.percentComplete() > 100 || Project.blank(report.summary())) {
            return Outcome.refused(pack.orderViolation(Provision.PROGRESS_REPORT, "进度报告须说明实施情况，完成比例为0至100"));
        }
        return p.apply(Step.REPORT_PROGRESS, pack, Outcome.allowed(), () -> {
            p.progressReports.add(report);
            p.meet(DeadlineKind.PROGRESS_REPORT, null, report.on());
            p.deadlines.add(calc.open(DeadlineKind.PROGRESS_REPORT, null, report.on()));
        });
    }

    Outcome requestChange(ChangeRequest request, PolicyPack pack) {
        if (!p.state.isInPlan() || p.state.isFinal()) {
            return Outcome.refused(pack.orderViolation(Provision.CHANGE, "项目当前状态为「" + p.state.zh() + "」，不能申请变更"));
        }
        if (Project.blank(request.description())) {
            return Outcome.refused(pack.violation(RuleCode.ART18_CHANGE_BEFORE_TENDER, "变更申请须说明变更内容和理由"));
        }
        if (p.changes.stream().anyMatch(c -> c.status() == ChangeRequest.Status.PENDING)) {
            return Outcome.refused(pack.orderViolation(Provision.CHANGE, "已有待审批的变更申请"));
        }
        boolean beforeTender = p.state.isBeforeTender();
        if (beforeTender && request.newBudget() != null && request.newBudget().exceeds(p.agreedBudget())) {
            return Outcome.refused(pack.violation(RuleCode.ART18_CHANGE_BEFORE_TENDER,
                    "变更后预算" + request.newBudget().toChinese() + "超出批复预算" + p.agreedBudget().toChinese()
                            + "，涉及资金预算追加的应重新申报"));
        }
        if (!beforeTender && request.newBudget() != null) {
            Money atTender = p.budgetAtTender();
            Money contracted = p.contracts.stream().map(Contract::amount).reduce(Money.ZERO, Money::plus);
            Money limit = pack.contractAdditionLimit(contracted);
            if (request.newBudget().exceeds(atTender.plus(limit))) {
                return Outcome.refused(pack.violation(RuleCode.ART18_CHANGE_AFTER_TENDER,
                        "变更后预算" + request.newBudget().toChinese() + "，比招标时的批复预算" + atTender.toChinese()
                                + "追加超过合同金额合计" + contracted.toChinese() + "的"
                                + pack.contractAdditionPercent() + "%（" + limit.toChinese() + "），应重新申报"));
            }
        }
        ChangeRequest recorded = new ChangeRequest(request.id(), request.requestedOn(), request.description().trim(),
                request.newScopeItems(), request.newBudget(),
                beforeTender ? ChangeRequest.Status.PENDING : ChangeRequest.Status.UNDER_PROCUREMENT_LAW, null, null);
        return p.apply(Step.REQUEST_CHANGE, pack, Outcome.allowed(), () -> p.changes.add(recorded));
    }

    Outcome decideChange(UUID changeId, boolean approved, LocalDate today, String opinion, PolicyPack pack) {
        Optional<ChangeRequest> pending = p.changes.stream()
                .filter(c -> c.id().equals(changeId) && c.status() == ChangeRequest.Status.PENDING).findFirst();
        if (pending.isEmpty()) {
            return Outcome.refused(pack.orderViolation(Provision.CHANGE, "没有待审批的该项变更申请"));
        }
        return p.apply(Step.DECIDE_CHANGE, pack, Outcome.allowed(), () -> p.changes.replaceAll(
                c -> c.id().equals(changeId) ? c.decided(approved, today, opinion) : c));
    }

    Outcome reportSituation(SituationReport report, PolicyPack pack) {
        if (!p.state.isInPlan() && p.state != ProjectState.SUSPENDED || p.state.isFinal() || p.state == ProjectState.OPERATING) {
            return Outcome.refused(pack.orderViolation(Provision.START_AND_TERMINATION, "项目当前状态为「" + p.state.zh() + "」，不能报送此报告"));
        }
        if (report.kind() == SituationReport.Kind.SUSPENSION && p.state == ProjectState.SUSPENDED) {
            return Outcome.refused(pack.orderViolation(Provision.START_AND_TERMINATION, "项目已中止"));
        }
        List<Violation> found = new ArrayList<>();
        if (Project.blank(report.reason())) {
            found.add(pack.violation(RuleCode.ART17_DELAY_REPORT, "书面报告须说明理由"));
        }
        if (!report.toBureau() || !report.toFinance()) {
            found.add(pack.violation(RuleCode.ART17_DELAY_REPORT, "书面报告须同时报送市大数据管理局和市财政局"));
        }
        return p.apply(Step.REPORT_SITUATION, pack, Outcome.of(found), () -> {
            p.situationReports.add(report);
            if (report.kind() == SituationReport.Kind.SUSPENSION) {
                p.suspendedFrom = p.state;
                p.state = ProjectState.SUSPENDED;
            }
        });
    }

    Outcome resume(LocalDate today, PolicyPack pack) {
        Outcome order = p.requireStep(Step.RESUME, pack);
        return p.transition(Step.RESUME, pack, order, p.suspendedFrom, () -> p.suspendedFrom = null);
    }

    Outcome terminate(LocalDate today, String reason, String notice, PolicyPack pack) {
        boolean terminable = p.state == ProjectState.SUSPENDED
                || p.state.ordinal() >= ProjectState.PLANNED.ordinal() && p.state.ordinal() <= ProjectState.ACCEPTANCE_PENDING.ordinal();
        if (!terminable) {
            return Outcome.refused(pack.orderViolation(Provision.START_AND_TERMINATION, "项目当前状态为「" + p.state.zh() + "」，不能终止"));
        }
        if (Project.blank(reason)) {
            return Outcome.refused(pack.orderViolation(Provision.START_AND_TERMINATION, "终止项目须说明理由"));
        }
        return p.transition(Step.TERMINATE, pack, Outcome.allowed(), ProjectState.TERMINATED, () -> {
            p.termination = new Termination(today, reason.trim(), Project.blank(notice) ? null : notice.trim(), null, null);
            p.suspendedFrom = null;
            p.waiveOpen("项目已终止");
        });
    }

    Outcome recordFundRecovery(LocalDate today, Money amount, PolicyPack pack) {
        if (p.state != ProjectState.TERMINATED || p.termination == null) {
            return Outcome.refused(pack.orderViolation(Provision.START_AND_TERMINATION, "只有已终止的项目才收回项目资金"));
        }
        if (p.termination.fundsRecoveredOn() != null) {
            return Outcome.refused(pack.orderViolation(Provision.START_AND_TERMINATION, "已于" + p.termination.fundsRecoveredOn() + "记录资金收回"));
        }
        return p.apply(Step.RECORD_FUND_RECOVERY, pack, Outcome.allowed(), () -> p.termination = p.termination.recovered(today, amount));
    }

    Outcome recordStartException(String reason, PolicyPack pack) {
        if (Project.blank(reason)) {
            return Outcome.refused(pack.orderViolation(Provision.START_AND_TERMINATION, "例外处理须说明理由"));
        }
        if (p.openDeadline(DeadlineKind.SUBSTANTIVE_START, null).isEmpty()) {
            return Outcome.refused(pack.orderViolation(Provision.START_AND_TERMINATION, "本项目没有未完成的实质性启动期限"));
        }
        return p.apply(Step.RECORD_START_EXCEPTION, pack, Outcome.allowed(), () -> p.replaceDeadline(DeadlineKind.SUBSTANTIVE_START, null,
                d -> d.waived("例外：" + reason.trim())));
    }

    Outcome waiveDeadline(UUID deadlineId, String reason, PolicyPack pack) {
        Optional<Deadline> d = p.deadlines.stream().filter(x -> x.id().equals(deadlineId) && x.isOpen()).findFirst();
        if (d.isEmpty() || Project.blank(reason)) {
            return Outcome.refused(pack.orderViolation(d.map(x -> x.kind().provision()).orElse(Provision.PROGRESS_REPORT),
                    d.isEmpty() ? "没有未完成的该项期限" : "豁免期限须说明理由"));
        }
        return p.apply(Step.WAIVE_DEADLINE, pack, Outcome.allowed(), () -> p.deadlines.replaceAll(x -> x.id().equals(deadlineId) ? x.waived(reason.trim()) : x));
    }

    Outcome recordSecurityReview(SecurityReview review, PolicyPack pack) {
        if (p.state.ordinal() < ProjectState.DECLARED.ordinal() || p.state.isFinal()) {
            return Outcome.refused(pack.orderViolation(Provision.AUTHORITIES, "项目当前状态为「" + p.state.zh() + "」，不能录入审查意见"));
        }
        if (review.kind() == SecurityReview.Kind.CRYPTOGRAPHY && !p.profile.usesCryptography()) {
            return Outcome.refused(pack.orderViolation(Provision.AUTHORITIES, "本项目未申报密码应用"));
        }
        return p.apply((review.kind() == SecurityReview.Kind.CRYPTOGRAPHY ? Step.RECORD_CRYPTO_REVIEW : Step.RECORD_CYBERSEC_REVIEW), pack,
                Outcome.allowed(), () -> p.securityReviews.add(review));
    }
}
