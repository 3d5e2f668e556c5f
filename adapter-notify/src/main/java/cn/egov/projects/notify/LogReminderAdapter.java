package cn.egov.projects.notify;

import cn.egov.projects.application.port.out.ReminderPort;
import cn.egov.projects.domain.deadline.Deadline;
import cn.egov.projects.domain.project.Project;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The development channel for reminders: it writes to the log which deadlines opened (and when their reminders
 * would go out, at the policy's offsets) and which closed. It names projects by id only, never by name or content,
 * so nothing of a classified project (Art. 27) reaches the log. The e-mail and SMS channels replace it.
 */
public final class LogReminderAdapter implements ReminderPort {

    private static final Logger LOG = LoggerFactory.getLogger(LogReminderAdapter.class);

    private final List<Integer> offsetsDays;

    public LogReminderAdapter() {
        this(List.of(7, 3, 1, 0));
    }

    public LogReminderAdapter(List<Integer> offsetsDays) {
        this.offsetsDays = List.copyOf(offsetsDays);
    }

    @Override
    public void deadlinesChanged(Project project, List<Deadline> opened, List<Deadline> closed) {
        for (Deadline d : opened) {
            LOG.info("deadline opened: project={} kind={} due={}{} reminders on {}", project.id(), d.kind(), d.due(),
                    d.provisional() ? " (provisional)" : "", reminderDays(d));
        }
        for (Deadline d : closed) {
            LOG.info("deadline closed: project={} kind={} due={} {}", project.id(), d.kind(), d.due(),
                    d.metOn() != null ? "met on " + d.metOn() : "waived");
        }
    }

    /** The days reminders would go out for a deadline, earliest first; only days not after the due day. */
    List<LocalDate> reminderDays(Deadline d) {
        List<LocalDate> days = new ArrayList<>();
        offsetsDays.stream().sorted((a, b) -> b - a).forEach(offset -> {
            LocalDate day = d.due().minusDays(offset);
            if (!day.isBefore(d.start())) {
                days.add(day);
            }
        });
        return days;
    }
}
