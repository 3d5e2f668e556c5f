package cn.egov.projects.domain.project;

import java.time.LocalDate;
import java.util.List;

/**
 * An expert acceptance (Art. 24), passed or not. {@code late} records an acceptance held after the Art. 22
 * one-year limit (recorded, not refused). {@code goalAssessments} are the experts' view of the performance goals'
 * achievement, goal by goal (those they give; the yearly evaluation prefers them to the unit's own report).
 * {@code stage} is the key of the pack's acceptance stage it was ({@code PolicyPack.acceptanceStages()}); null in
 * acceptances recorded before packs had stages, which were the pack's single (final) stage.
 */
public record Acceptance(LocalDate heldOn, boolean passed, List<String> experts, List<String> documents,
                         String conclusion, boolean late, List<GoalAssessment> goalAssessments, String stage) {
    public Acceptance {
        experts = List.copyOf(experts);
        documents = List.copyOf(documents);
        goalAssessments = goalAssessments == null ? List.of() : List.copyOf(goalAssessments);
    }

    /** An acceptance whose stage the project decides (the next one its pack holds). */
    public Acceptance(LocalDate heldOn, boolean passed, List<String> experts, List<String> documents,
                      String conclusion, boolean late, List<GoalAssessment> goalAssessments) {
        this(heldOn, passed, experts, documents, conclusion, late, goalAssessments, null);
    }

    /** An acceptance without the experts' view of the goals (as older releases stored it). */
    public Acceptance(LocalDate heldOn, boolean passed, List<String> experts, List<String> documents,
                      String conclusion, boolean late) {
        this(heldOn, passed, experts, documents, conclusion, late, List.of());
    }
}
