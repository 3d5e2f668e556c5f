package cn.egov.projects.application.port.in;

import cn.egov.projects.application.view.ProjectSummary;

import java.util.List;

/**
 * The projects of a plan year's issued annual plan and its additions (Art. 9, 10) that the caller may see, for
 * export; classified projects are left out (Art. 27: no project content in exports).
 */
public interface AnnualPlanUseCase {

    List<ProjectSummary> annualPlan(Caller caller, int planYear);
}
