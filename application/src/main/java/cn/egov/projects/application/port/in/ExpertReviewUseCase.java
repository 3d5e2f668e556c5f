package cn.egov.projects.application.port.in;

import cn.egov.projects.domain.expert.ExpertDraw;
import cn.egov.projects.domain.project.ProjectId;

import java.util.List;

/**
 * The expert's side of a draw: the projects the expert is drawn for while their review runs, the conflict
 * declaration (回避声明) signed before the project is shown, declining (a reserve then takes the seat), and the
 * expert's own opinion and score. A project the expert is not drawn for does not exist for them.
 */
public interface ExpertReviewUseCase {

    /** An open draw the expert sits on, with what the expert may know of the project. */
    record Invitation(ExpertDraw draw, ExpertDraw.Seat seat, String projectName, String unitCode) {
    }

    List<Invitation> myInvitations(Caller caller);

    Invitation declare(Caller caller, ProjectId project);

    Invitation decline(Caller caller, ProjectId project, String reason);

    Invitation recordOpinion(Caller caller, ProjectId project, OpinionCommand command);
}
