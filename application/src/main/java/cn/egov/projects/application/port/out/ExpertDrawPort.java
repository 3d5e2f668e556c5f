package cn.egov.projects.application.port.out;

import cn.egov.projects.domain.expert.ExpertDraw;
import cn.egov.projects.domain.project.ProjectId;

import java.util.List;
import java.util.Optional;

/** The recorded draws of experts and their panels (Art. 8, 24). */
public interface ExpertDrawPort {

    /** @throws IllegalStateException when the id is taken */
    void insert(ExpertDraw draw);

    /** Stores the draw's next version; @return false when the stored one is not {@code draw.version() - 1}. */
    boolean update(ExpertDraw draw);

    Optional<ExpertDraw> findDraw(String id);

    /** The project's draws, oldest first. */
    List<ExpertDraw> forProject(ProjectId project);

    /** The draws whose review or acceptance has not ended, oldest first. */
    List<ExpertDraw> open();
}
