package cn.egov.projects.application.port.in;

import cn.egov.projects.domain.deadline.Deadline;
import cn.egov.projects.domain.deadline.DeadlineStatus;
import cn.egov.projects.domain.project.Project;
import cn.egov.projects.domain.rule.Violation;

import java.time.LocalDate;
import java.util.List;

/**
 * A project as read on a day: everything it holds, each deadline with its status that day, and the flags of the
 * measures the Bureau must see (Art. 17, 22).
 */
public record ProjectDetails(Project.Snapshot project, LocalDate today, List<DeadlineView> deadlines,
                             List<Violation> flags) {

    /** A deadline and where it stands today. */
    public record DeadlineView(Deadline deadline, DeadlineStatus status) {
    }

    public ProjectDetails {
        deadlines = List.copyOf(deadlines);
        flags = List.copyOf(flags);
    }
}
