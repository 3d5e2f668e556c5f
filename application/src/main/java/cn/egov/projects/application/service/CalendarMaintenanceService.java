package cn.egov.projects.application.service;

import cn.egov.projects.application.port.in.RecomputeProvisionalDeadlinesUseCase;
import cn.egov.projects.application.port.out.AuditRecord;
import cn.egov.projects.application.port.out.ProvisionalDeadlinesPort;
import cn.egov.projects.domain.deadline.Deadline;
import cn.egov.projects.domain.deadline.DeadlineCalculator;
import cn.egov.projects.domain.project.Project;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.rule.Articles;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Keeps due days right when the official calendar grows: each project with provisional deadlines is loaded,
 * its deadlines computed again under its own policy pack and the calendar in force, and — where a day changed —
 * saved in its own transaction with an audit record by the system, and the reminders told.
 */
public final class CalendarMaintenanceService implements RecomputeProvisionalDeadlinesUseCase {

    private final Lifecycle lifecycle;
    private final ProvisionalDeadlinesPort provisional;

    public CalendarMaintenanceService(Ports ports, ProvisionalDeadlinesPort provisional) {
        this.lifecycle = new Lifecycle(ports);
        this.provisional = provisional;
    }

    @Override
    public int recomputeProvisionalDeadlines() {
        int changed = 0;
        for (ProjectId id : provisional.projectsWithOpenProvisionalDeadlines()) {
            changed += lifecycle.ports().tx().inTransaction(() -> recompute(id));
        }
        return changed;
    }

    private int recompute(ProjectId id) {
        Ports ports = lifecycle.ports();
        Project project = ports.load().load(id).orElse(null);
        if (project == null) {
            return 0;
        }
        DeadlineCalculator calculator = lifecycle.context(project.policyId()).calculator();
        List<Deadline> changed = project.recomputeProvisionalDeadlines(calculator);
        if (changed.isEmpty()) {
            return 0;
        }
        ports.save().update(project);
        String summary = "按官方工作日历重新计算到期日：" + changed.stream()
                .map(d -> d.kind().actionZh() + " " + d.due() + (d.provisional() ? "（暂定）" : ""))
                .collect(Collectors.joining("；"));
        ports.audit().append(new AuditRecord(ports.clock().now(), "system", null, null,
                "RECOMPUTE_DEADLINES", calculator.pack().articleZh(changed.get(0).kind().provision()), id.toString(),
                project.state(), project.state(), "-", "-", summary));
        // a rescheduled deadline is announced as opened again (same id, new day); nothing closed
        ports.reminders().deadlinesChanged(project, changed, List.of());
        return changed.size();
    }
}
