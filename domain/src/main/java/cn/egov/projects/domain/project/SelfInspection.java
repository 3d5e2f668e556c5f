package cn.egov.projects.domain.project;

import java.time.LocalDate;

/** The unit's self-inspection report before acceptance (Art. 23). */
public record SelfInspection(LocalDate on, String contentCompletion, String resourceCatalogue,
                             String performanceGoals) {
}
