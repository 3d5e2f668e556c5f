package cn.egov.projects.application.view;

import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.ProjectState;
import cn.egov.projects.domain.resource.ReuseVerdict;
import cn.egov.projects.domain.resource.SimilarReference;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A project's reuse and duplicate-construction opinion as the person reading it sees it.
 *
 * @param open      whether an opinion may be given in the project's state (申报后、评审意见形成前)
 * @param mayRecord whether this person may give one now
 * @param latest    the project's opinion (the latest given), if any
 * @param earlier   how many opinions were given before it
 */
public record ReuseOpinionView(ProjectId project, ProjectState state, boolean open, boolean mayRecord,
                               Optional<Shown> latest, int earlier) {

    /**
     * One opinion, naming only the similar projects and resources the reader may see (the rest are left out, so
     * that no one learns of a project outside their scope, a classified one above all).
     */
    public record Shown(UUID id, ReuseVerdict verdict, String comment, List<SimilarReference> similar,
                        String recordedBy, Instant recordedAt) {

        public Shown {
            similar = List.copyOf(similar);
        }
    }
}
