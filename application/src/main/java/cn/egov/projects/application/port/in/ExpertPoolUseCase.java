package cn.egov.projects.application.port.in;

import cn.egov.projects.domain.expert.Expert;
import cn.egov.projects.domain.expert.ExpertDraw;
import cn.egov.projects.domain.expert.ExpertDrawing;
import cn.egov.projects.domain.project.ProjectId;

import java.util.List;

/**
 * The expert pool and the draws (Art. 8, 24): the Bureau keeps the pool and draws a project's review experts at
 * random with avoidance; where the pack says so, the implementing unit draws its acceptance experts the same way.
 * Every draw is recorded so that it can be replayed and checked. A unit never draws, sees or changes its project's
 * reviewers.
 */
public interface ExpertPoolUseCase {

    List<Expert> experts(Caller caller);

    Expert addExpert(Caller caller, ExpertCommand command);

    Expert updateExpert(Caller caller, String expertId, ExpertCommand command);

    ExpertDraw draw(Caller caller, ProjectId project, DrawCommand command);

    /** The project's draws the caller may read (the Bureau's, Audit's; a unit its own acceptance draws). */
    List<ExpertDraw> draws(Caller caller, ProjectId project);

    /** The draw made again from its record, and whether it gives the same result. */
    Replay replay(Caller caller, String drawId);

    record Replay(ExpertDraw draw, ExpertDrawing.Result replayed, boolean matches) {
    }
}
