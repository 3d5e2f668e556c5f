package cn.egov.projects.domain.project;

import java.time.LocalDate;
import java.util.List;

/**
 * An expert acceptance (Art. 24), passed or not. {@code late} records an acceptance held after the Art. 22
 * one-year limit (recorded, not refused). {@code goalAssessments} are the experts' view of the performance goals'
 * achievement, goal by goal (those they give; the yearly evaluation prefers them to the unit's own report).
 */
public record Acceptance(LocalDate heldOn, boolean passed, List<String> experts, List<String> documents,
                         String conclusion, boolean late, List<GoalAssessment> goalAssessments) {
    public Acceptance {
        experts = List.copyOf(experts);
        documents = List.copyOf(documents);
        goalAssessments = goalAssessments == null ? List.of() : List.copyOf(goalAssessments);
    }

    /** An acceptance without the experts' view of the goals (as older releases stored it). */
    public Acceptance(LocalDate heldOn, boolean passed, List<String> experts, List<String> documents,
                      String conclusion, boolean late) {
        this(heldOn, passed, experts, documents, conclusion, late, List.of());
    }
}
