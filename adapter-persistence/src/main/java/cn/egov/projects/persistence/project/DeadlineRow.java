package cn.egov.projects.persistence.project;

import cn.egov.projects.domain.deadline.DeadlineKind;

import java.time.LocalDate;
import java.util.UUID;

/** A {@code deadline} row; its {@code is_open} column is {@link #open()}. */
public record DeadlineRow(UUID id, UUID projectId, int seq, DeadlineKind kind, String ref, LocalDate startDate,
                          LocalDate dueDate, boolean provisional, LocalDate metOn, String waivedReason) {

    /** Neither met nor waived: the value of the {@code is_open} column. */
    public boolean open() {
        return metOn == null && waivedReason == null;
    }
}
