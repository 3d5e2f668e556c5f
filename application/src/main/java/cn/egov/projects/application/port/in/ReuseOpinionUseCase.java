package cn.egov.projects.application.port.in;

import cn.egov.projects.application.view.ReuseOpinionView;
import cn.egov.projects.domain.project.ProjectId;

/**
 * The Bureau's reuse and duplicate-construction opinion on a project (Art. 1, 6): whoever may see the project reads
 * it, naming only the similar projects and resources they may see; a Bureau officer gives it while the declaration is
 * under review (申报后、评审意见形成前), naming projects and resources they may see. Each opinion is audited; the latest is
 * the project's.
 *
 * @throws cn.egov.projects.application.error.NotFoundException       when the project does not exist or lies outside
 *                                                                     the person's scope
 * @throws cn.egov.projects.application.error.ForbiddenException      when the person's role may not give it
 * @throws cn.egov.projects.application.error.RefusedException        outside the review ({@code ART6_REUSE_REVIEW_CLOSED})
 * @throws cn.egov.projects.application.error.InvalidCommandException naming the field, when a similar project or
 *                                                                     resource is not one the person may see
 */
public interface ReuseOpinionUseCase {

    ReuseOpinionView opinion(Caller caller, ProjectId project);

    ReuseOpinionView record(Caller caller, RecordReuseOpinionCommand command);
}
