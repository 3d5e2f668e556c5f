package cn.egov.projects.application.port.in;

import cn.egov.projects.application.view.SimilarityReport;

/**
 * The projects and catalogued resources that look like a project, ranked by content similarity with what matched
 * (Art. 1: 避免重复建设; Art. 6): for the applicant on their unit's project, and for the Bureau's reviewers (its
 * officers, the experts named to the project). Only what the person may see is compared and shown.
 *
 * @throws cn.egov.projects.application.error.NotFoundException  when the project does not exist or lies outside the
 *                                                                person's scope
 * @throws cn.egov.projects.application.error.ForbiddenException when the person's role may not see the comparison
 */
public interface SimilarProjectsUseCase {

    SimilarityReport similar(Caller caller, SimilarProjectsQuery query);
}
