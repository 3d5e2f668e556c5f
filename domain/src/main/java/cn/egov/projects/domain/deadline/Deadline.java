package cn.egov.projects.domain.deadline;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * One statutory deadline of one project: when its clock started, the day it falls due, and whether and when it
 * was met. A deadline met after its due day is <em>met late</em>: a late filing is never refused for lateness,
 * and the lateness stays visible (RULES.md §5). Immutable; changes return a new value.
 *
 * @param ref         what the deadline is about when a project has several of a kind (a contract's number), or null
 * @param provisional the due day was computed Monday–Friday for a year whose official calendar is not held yet
 */
public record Deadline(
        UUID id,
        DeadlineKind kind,
        String ref,
        LocalDate start,
        LocalDate due,
        boolean provisional,
        LocalDate metOn,
        String waivedReason) {

    public Deadline {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(due, "due");
        if (due.isBefore(start)) {
            throw new IllegalArgumentException("a deadline cannot fall due before its clock starts");
        }
        if (metOn != null && waivedReason != null) {
            throw new IllegalArgumentException("a deadline is met or waived, not both");
        }
        if (waivedReason != null && waivedReason.isBlank()) {
            throw new IllegalArgumentException("a waiver needs a reason");
        }
    }

    public static Deadline open(UUID id, DeadlineKind kind, String ref, LocalDate start, LocalDate due,
                                boolean provisional) {
        return new Deadline(id, kind, ref, start, due, provisional, null, null);
    }

    public boolean isOpen() {
        return metOn == null && waivedReason == null;
    }

    public Deadline metOn(LocalDate day) {
        if (!isOpen()) {
            return this;
        }
        return new Deadline(id, kind, ref, start, due, provisional, day, null);
    }

    public Deadline waived(String reason) {
        if (!isOpen()) {
            return this;
        }
        return new Deadline(id, kind, ref, start, due, provisional, null, reason);
    }

    /** The same deadline with its due day computed again (e.g. once the official calendar of its year is held). */
    public Deadline rescheduled(LocalDate newDue, boolean newProvisional) {
        return new Deadline(id, kind, ref, start, newDue, newProvisional, metOn, waivedReason);
    }

    public DeadlineStatus statusOn(LocalDate today) {
        if (waivedReason != null) {
            return DeadlineStatus.WAIVED;
        }
        if (metOn != null) {
            return metOn.isAfter(due) ? DeadlineStatus.MET_LATE : DeadlineStatus.MET_ON_TIME;
        }
        return today.isAfter(due) ? DeadlineStatus.OVERDUE : DeadlineStatus.PENDING;
    }
}
