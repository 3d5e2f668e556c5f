package cn.egov.projects.domain.project;

import java.time.LocalDate;

/** The project's place in an issued annual plan (Art. 9) or an addition to it (Art. 10); its date starts clocks. */
public record PlanInclusion(LocalDate on, int planYear, boolean addition, String reference) {
}
