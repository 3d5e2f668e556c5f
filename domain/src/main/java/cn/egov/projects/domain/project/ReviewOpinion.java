package cn.egov.projects.domain.project;

import java.time.LocalDate;
import java.util.List;

/**
 * The Bureau's expert review opinion on a declaration (Art. 8), or its feasibility review of an off-window
 * project (Art. 10).
 */
public record ReviewOpinion(LocalDate on, boolean approved, List<String> experts, String opinion) {
    public ReviewOpinion {
        experts = List.copyOf(experts);
    }
}
