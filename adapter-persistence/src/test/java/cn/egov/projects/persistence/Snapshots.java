package cn.egov.projects.persistence;

import cn.egov.projects.domain.deadline.Deadline;
import cn.egov.projects.domain.project.Project;
import cn.egov.projects.domain.project.ProjectState;

import java.util.List;

/** Copies of a project snapshot with a part replaced, for data the domain would take long to reach. */
final class Snapshots {

    private Snapshots() {
    }

    /** The project with {@code state} and exactly {@code deadlines}. */
    static Project with(Project project, ProjectState state, List<Deadline> deadlines) {
        Project.Snapshot s = project.snapshot();
        return Project.restore(new Project.Snapshot(s.id(), s.unit(), s.policyId(), s.version(), s.profile(), state,
                s.suspendedFrom(), s.createdOn(), s.declaredOn(), s.supplementary(), s.higherLevelReportedOn(),
                s.reviews(), s.funding(), s.approval(), s.plan(), s.implementationPlan(), s.preProcurementReviews(),
                s.noProcurementReason(), s.substantiveStartOn(), s.contracts(), s.progressReports(), s.changes(),
                s.situationReports(), s.securityReviews(), s.trialStartOn(), s.selfInspection(), s.acceptances(),
                s.operatingFrom(), s.acceptanceReportOn(), s.finalAccountsOn(), s.finalAccountsAmount(),
                s.termination(), s.maintenanceArrangement(), deadlines));
    }
}
