package cn.egov.projects.application.service;

import cn.egov.projects.application.error.RefusedException;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.Check;
import cn.egov.projects.application.port.in.GradePerformanceUseCase;
import cn.egov.projects.application.port.in.GradeProjectCommand;
import cn.egov.projects.application.port.in.GradeUnitCommand;
import cn.egov.projects.application.port.in.PerformanceEvaluationUseCase;
import cn.egov.projects.application.port.out.PerformanceGradePort;
import cn.egov.projects.application.view.Page;
import cn.egov.projects.application.view.ProjectEvaluation;
import cn.egov.projects.application.view.ProjectListFilter;
import cn.egov.projects.application.view.ProjectSummary;
import cn.egov.projects.application.view.UnitCompliance;
import cn.egov.projects.application.view.UnitEvaluation;
import cn.egov.projects.application.view.YearEvaluation;
import cn.egov.projects.domain.access.AccessPolicy;
import cn.egov.projects.domain.access.Action;
import cn.egov.projects.domain.access.Actor;
import cn.egov.projects.domain.deadline.Deadline;
import cn.egov.projects.domain.deadline.DeadlineKind;
import cn.egov.projects.domain.deadline.DeadlineStatus;
import cn.egov.projects.domain.performance.PerformanceGrade;
import cn.egov.projects.domain.performance.PerformanceScoring;
import cn.egov.projects.domain.performance.ProjectScore;
import cn.egov.projects.domain.policy.PolicyPack;
import cn.egov.projects.domain.rule.Provision;
import cn.egov.projects.domain.project.Project;
import cn.egov.projects.domain.project.ProjectState;
import cn.egov.projects.domain.project.UnitId;
import cn.egov.projects.domain.rule.RuleCode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Bureau's yearly performance evaluation (绩效考核, Art. 4): the projects of a plan year's plan (those that entered
 * it, Art. 9, 10 — suspended and terminated ones included) scored from their goals' achievement, their units scored
 * from those projects and from how they kept the projects' deadlines, and the grades the Bureau records. Every reader
 * sees the evaluation over the projects they may see (RULES.md §1), so a classified project counts only for those
 * inside its 知悉范围 (Art. 27), and never in an export.
 */
public final class PerformanceService implements PerformanceEvaluationUseCase, GradePerformanceUseCase {

    private static final int PAGE = 200;

    private final Lifecycle lifecycle;
    private final Ports ports;
    private final PerformanceGradePort grades;

    public PerformanceService(Ports ports, PerformanceGradePort grades) {
        this.lifecycle = new Lifecycle(ports);
        this.ports = ports;
        this.grades = Objects.requireNonNull(grades, "grades");
    }

    @Override
    public YearEvaluation evaluation(Caller caller, int planYear) {
        lifecycle.requireRole(caller, Action.VIEW_PERFORMANCE);
        return evaluate(caller.actor(), Check.planYear(planYear, "year"), false);
    }

    @Override
    public YearEvaluation exportable(Caller caller, int planYear) {
        lifecycle.requireRole(caller, Action.VIEW_PERFORMANCE);
        return evaluate(caller.actor(), Check.planYear(planYear, "year"), true);
    }

    private YearEvaluation evaluate(Actor actor, int planYear, boolean withoutClassified) {
        LocalDate today = lifecycle.today();
        List<Project.Snapshot> projects = projectsOf(actor, planYear, Optional.empty(), withoutClassified);
        Map<String, PerformanceGrade> recorded = new HashMap<>();
        grades.grades(planYear).forEach(g -> recorded.put(g.subject() + ":" + g.subjectId(), g));

        List<ProjectEvaluation> projectRows = new ArrayList<>();
        Map<UnitId, List<Project.Snapshot>> byUnit = new TreeMap<>(Comparator.comparing(UnitId::code));
        Map<UnitId, List<BigDecimal>> scoresByUnit = new HashMap<>();
        for (Project.Snapshot p : projects) {
            ProjectScore score = PerformanceScoring.score(p);
            projectRows.add(new ProjectEvaluation(p.id(), p.unit(), p.profile().name(), p.profile().classified(),
                    p.state(), score, recorded.get(PerformanceGrade.Subject.PROJECT + ":" + p.id())));
            byUnit.computeIfAbsent(p.unit(), u -> new ArrayList<>()).add(p);
            if (score.scored()) {
                scoresByUnit.computeIfAbsent(p.unit(), u -> new ArrayList<>()).add(score.score());
            }
        }
        projectRows.sort(Comparator.comparing((ProjectEvaluation e) -> e.unit().code())
                .thenComparing(ProjectEvaluation::name).thenComparing(e -> e.id().toString()));

        List<UnitEvaluation> unitRows = new ArrayList<>();
        byUnit.forEach((unit, ofUnit) -> {
            List<BigDecimal> scores = scoresByUnit.getOrDefault(unit, List.of());
            Optional<BigDecimal> average = PerformanceScoring.average(scores);
            UnitCompliance compliance = compliance(unit, ofUnit, today);
            BigDecimal complianceScore = PerformanceScoring.shareScore(compliance.onTimeShare());
            unitRows.add(new UnitEvaluation(unit, ofUnit.size(), scores.size(), average.orElse(null), compliance,
                    complianceScore, PerformanceScoring.unitScore(average, complianceScore).orElse(null),
                    recorded.get(PerformanceGrade.Subject.UNIT + ":" + unit.code())));
        });
        PolicyPack pack = lifecycle.packInForce();
        String basis = "《" + pack.nameZh() + "》" + pack.articleZh(Provision.AUTHORITIES) + "、"
                + pack.articleZh(Provision.SELF_INSPECTION) + "、" + pack.articleZh(Provision.ACCEPTANCE);
        return new YearEvaluation(planYear, today, PerformanceScoring.METHOD_ZH, unitRows, projectRows, basis);
    }

    /**
     * A unit's deadline compliance over these projects, counted as the compliance figures count it (RULES.md §5):
     * deadlines that fell due and were met on time, met late, or are still open past their day (waived ones not
     * counted), and the projects flagged under Art. 17.
     */
    private static UnitCompliance compliance(UnitId unit, List<Project.Snapshot> projects, LocalDate today) {
        long onTime = 0;
        long late = 0;
        long overdue = 0;
        long flagged = 0;
        for (Project.Snapshot p : projects) {
            boolean art17 = false;
            for (Deadline d : p.deadlines()) {
                DeadlineStatus status = d.statusOn(today);
                switch (status) {
                    case MET_ON_TIME -> onTime++;
                    case MET_LATE -> late++;
                    case OVERDUE -> {
                        overdue++;
                        art17 |= d.kind() == DeadlineKind.SUBSTANTIVE_START;
                    }
                    default -> {
                    }
                }
            }
            if (art17 && !p.state().isFinal()) {
                flagged++;
            }
        }
        return new UnitCompliance(unit, projects.size(), onTime, late, overdue, flagged);
    }

    /**
     * The projects of a plan year that entered its plan and that the person may see, optionally of one unit only and
     * without the classified ones.
     */
    private List<Project.Snapshot> projectsOf(Actor actor, int planYear, Optional<UnitId> unit,
                                              boolean withoutClassified) {
        ProjectListFilter filter = new ProjectListFilter(Optional.of(planYear), unit, Optional.empty(),
                Optional.empty());
        List<Project.Snapshot> found = new ArrayList<>();
        for (int page = 1; ; page++) {
            Page<ProjectSummary> p = ports.list().list(ProjectQueryService.scopeOf(actor), filter, page, PAGE);
            for (ProjectSummary s : p.items()) {
                if (withoutClassified && s.classified() || !mayHaveEnteredThePlan(s.state())) {
                    continue;
                }
                ports.load().load(s.id())
                        .filter(project -> project.plan().isPresent() && visible(actor, project))
                        .filter(project -> !(withoutClassified && project.isClassified()))
                        .ifPresent(project -> found.add(project.snapshot()));
            }
            if ((long) page * PAGE >= p.total() || p.items().isEmpty()) {
                break;
            }
        }
        return found;
    }

    private boolean visible(Actor actor, Project project) {
        PolicyPack pack = ports.policies().policies().forProject(project.policyId(), lifecycle.today());
        return new AccessPolicy(pack).canSee(actor, project);
    }

    private static boolean mayHaveEnteredThePlan(ProjectState state) {
        return state.isInPlan() || state == ProjectState.SUSPENDED || state == ProjectState.TERMINATED;
    }

    @Override
    public PerformanceGrade gradeProject(Caller caller, GradeProjectCommand command) {
        lifecycle.requireRole(caller, Action.EVALUATE_PERFORMANCE);
        return ports.tx().inTransaction(() -> {
            Project project = lifecycle.loadFor(caller, command.projectId(), Action.EVALUATE_PERFORMANCE);
            if (project.plan().isEmpty() || project.profile().planYear() != command.planYear()) {
                PolicyPack pack = ports.policies().policies().forProject(project.policyId(), lifecycle.today());
                throw new RefusedException(List.of(pack.violation(RuleCode.ART4_PERFORMANCE_EVALUATION,
                        "该项目未列入" + command.planYear() + "年度实施计划，不在该年度绩效考核范围内")));
            }
            PerformanceGrade grade = new PerformanceGrade(command.planYear(), PerformanceGrade.Subject.PROJECT,
                    project.id().toString(), command.grade(), command.comment(), caller.actor().userId(),
                    ports.clock().now());
            grades.save(grade);
            ProjectScore score = PerformanceScoring.score(project.snapshot());
            lifecycle.audit(caller, Action.EVALUATE_PERFORMANCE, lifecycle.context(project.policyId()).pack(), project.id(), project.state(), project.state(),
                    command.planYear() + "年度绩效考核评定：" + command.grade().zh()
                            + (score.scored() ? "（计算得分" + score.score().toPlainString() + "）" : ""));
            return grade;
        });
    }

    @Override
    public PerformanceGrade gradeUnit(Caller caller, GradeUnitCommand command) {
        lifecycle.requireRole(caller, Action.EVALUATE_PERFORMANCE);
        return ports.tx().inTransaction(() -> {
            if (projectsOf(caller.actor(), command.planYear(), Optional.of(command.unit()), false).isEmpty()) {
                throw new RefusedException(List.of(lifecycle.packInForce().violation(
                        RuleCode.ART4_PERFORMANCE_EVALUATION, "单位" + command.unit().code() + "在"
                                + command.planYear() + "年度没有纳入绩效考核的项目")));
            }
            PerformanceGrade grade = new PerformanceGrade(command.planYear(), PerformanceGrade.Subject.UNIT,
                    command.unit().code(), command.grade(), command.comment(), caller.actor().userId(),
                    ports.clock().now());
            grades.save(grade);
            lifecycle.audit(caller, Action.EVALUATE_PERFORMANCE, null, null, null,
                    command.planYear() + "年度绩效考核评定：单位" + command.unit().code() + "为" + command.grade().zh());
            return grade;
        });
    }
}
