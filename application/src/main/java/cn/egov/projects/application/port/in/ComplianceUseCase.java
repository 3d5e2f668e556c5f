package cn.egov.projects.application.port.in;

import cn.egov.projects.application.view.UnitCompliance;

import java.util.List;

/** The Bureau's (and Audit's) dashboard: how each unit keeps its deadlines, and its projects flagged under Art. 17. */
public interface ComplianceUseCase {

    List<UnitCompliance> compliance(Caller caller);
}
