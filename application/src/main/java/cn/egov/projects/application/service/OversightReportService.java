package cn.egov.projects.application.service;

import cn.egov.projects.application.port.in.AnnualPlanUseCase;
import cn.egov.projects.application.port.in.AuditQuery;
import cn.egov.projects.application.port.in.AuditSearchUseCase;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.ComplianceUseCase;
import cn.egov.projects.application.port.out.AuditSearchPort;
import cn.egov.projects.application.port.out.CompliancePort;
import cn.egov.projects.application.view.AuditEntry;
import cn.egov.projects.application.view.Page;
import cn.egov.projects.application.view.ProjectListFilter;
import cn.egov.projects.application.view.ProjectSummary;
import cn.egov.projects.application.view.UnitCompliance;
import cn.egov.projects.domain.access.Action;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the Bureau and Audit read across units: the compliance dashboard, the audit trail (Art. 4) and the annual
 * plan for export, each within the person's scope: a classified project outside their 知悉范围 (Art. 27) is neither
 * counted on the dashboard nor found in the audit trail, as if it did not exist; exports leave classified projects
 * out.
 */
public final class OversightReportService implements ComplianceUseCase, AuditSearchUseCase, AnnualPlanUseCase {

    private static final int PLAN_PAGE = 200;

    private final Lifecycle lifecycle;
    private final Ports ports;
    private final CompliancePort compliance;
    private final AuditSearchPort auditSearch;

    public OversightReportService(Ports ports, CompliancePort compliance, AuditSearchPort auditSearch) {
        this.lifecycle = new Lifecycle(ports);
        this.ports = ports;
        this.compliance = compliance;
        this.auditSearch = auditSearch;
    }

    @Override
    public List<UnitCompliance> compliance(Caller caller) {
        lifecycle.requireRole(caller, Action.VIEW_AUDIT_TRAIL);
        return compliance.byUnit(lifecycle.today(), ProjectQueryService.scopeOf(caller.actor()));
    }

    @Override
    public Page<AuditEntry> search(Caller caller, AuditQuery query) {
        lifecycle.requireRole(caller, Action.VIEW_AUDIT_TRAIL);
        return auditSearch.search(query.filter(), ProjectQueryService.scopeOf(caller.actor()), query.page(),
                query.size());
    }

    @Override
    public Page<AuditEntry> searchSecurityTrail(Caller caller, AuditQuery query) {
        lifecycle.requireRole(caller, Action.VIEW_SECURITY_AUDIT);
        return auditSearch.searchSecurityTrail(query.filter(), query.page(), query.size());
    }

    @Override
    public List<ProjectSummary> annualPlan(Caller caller, int planYear) {
        lifecycle.requireRole(caller, Action.VIEW_PROJECT);
        ProjectListFilter filter = new ProjectListFilter(Optional.of(planYear), Optional.empty(), Optional.empty(),
                Optional.empty());
        List<ProjectSummary> plan = new ArrayList<>();
        for (int page = 1; ; page++) {
            Page<ProjectSummary> p = ports.list().list(ProjectQueryService.scopeOf(caller.actor()), filter, page,
                    PLAN_PAGE);
            p.items().stream().filter(s -> s.state().isInPlan() && !s.classified()).forEach(plan::add);
            if ((long) page * PLAN_PAGE >= p.total() || p.items().isEmpty()) {
                break;
            }
        }
        return plan;
    }
}
