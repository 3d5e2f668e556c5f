package cn.egov.projects.persistence.project;

import cn.egov.projects.domain.deadline.Deadline;
import cn.egov.projects.domain.deadline.DeadlineKind;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A {@code deadline} row: one deadline of a project's document, kept as a row as well so that SQL finds open
 * deadlines by due day; {@code seq} is its place in the project's list. Its {@code is_open} column is
 * {@link #open()}.
 */
public record DeadlineRow(UUID id, UUID projectId, int seq, DeadlineKind kind, String ref, LocalDate startDate,
                          LocalDate dueDate, boolean provisional, LocalDate metOn, String waivedReason) {

    /** The row of the project's deadline at place {@code seq}. */
    public static DeadlineRow of(UUID projectId, int seq, Deadline d) {
        return new DeadlineRow(d.id(), projectId, seq, d.kind(), d.ref(), d.start(), d.due(), d.provisional(),
                d.metOn(), d.waivedReason());
    }

    /** Neither met nor waived: the value of the {@code is_open} column. */
    public boolean open() {
        return metOn == null && waivedReason == null;
    }
}
