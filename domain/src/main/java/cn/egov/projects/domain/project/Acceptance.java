package cn.egov.projects.domain.project;

import java.time.LocalDate;
import java.util.List;

/**
 * An expert acceptance (Art. 24), passed or not. {@code late} records an acceptance held after the Art. 22
 * one-year limit (recorded, not refused).
 */
public record Acceptance(LocalDate heldOn, boolean passed, List<String> experts, List<String> documents,
                         String conclusion, boolean late) {
    public Acceptance {
        experts = List.copyOf(experts);
        documents = List.copyOf(documents);
    }
}
