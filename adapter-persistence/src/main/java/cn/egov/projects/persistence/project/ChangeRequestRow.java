package cn.egov.projects.persistence.project;

import cn.egov.projects.domain.project.ChangeRequest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A {@code project_change_request} row (its new scope items are {@link NestedItemRow}s). */
public record ChangeRequestRow(UUID projectId, int seq, UUID id, LocalDate requestedOn, String description,
                               BigDecimal newBudget, ChangeRequest.Status status, LocalDate decidedOn,
                               String decision) {
}
