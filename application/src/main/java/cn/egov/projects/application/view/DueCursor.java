package cn.egov.projects.application.view;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** Where the next page of due deadlines starts: after this (due day, deadline id), in that order. */
public record DueCursor(LocalDate due, UUID deadlineId) {

    public DueCursor {
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(deadlineId, "deadlineId");
    }
}
