package cn.egov.projects.application.port.in;

import cn.egov.projects.application.view.ResourceCatalogueView;
import cn.egov.projects.domain.project.ProjectId;

/**
 * A project's information-resource catalogue (资源目录, Art. 6, 23): whoever may see the project reads it (a
 * classified project's only inside its 知悉范围); the project's unit registers, rewrites and removes resources while
 * the project has not ended. Each change is audited, and answers the catalogue as it now stands.
 *
 * @throws cn.egov.projects.application.error.NotFoundException          when the project (or the resource) does not
 *                                                                        exist or lies outside the person's scope
 * @throws cn.egov.projects.application.error.ForbiddenException         when the person's role may not change it
 * @throws cn.egov.projects.application.error.RefusedException           when the measures refuse the change (Art. 23)
 * @throws cn.egov.projects.application.error.ConcurrentChangeException when the catalogue changed since it was read
 */
public interface ResourceCatalogueUseCase {

    ResourceCatalogueView catalogue(Caller caller, ProjectId project);

    ResourceCatalogueView register(Caller caller, RegisterResourceCommand command);

    ResourceCatalogueView revise(Caller caller, ReviseResourceCommand command);

    ResourceCatalogueView remove(Caller caller, RemoveResourceCommand command);
}
