package cn.egov.projects.application.port.out;

import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.resource.ReuseOpinion;

import java.util.List;

/** The Bureau's reuse and duplicate-construction opinions (Art. 1, 6): every one kept, the latest the project's. */
public interface ReuseOpinionPort {

    void append(ReuseOpinion opinion);

    /** The project's opinions, the latest first. */
    List<ReuseOpinion> forProject(ProjectId project);
}
