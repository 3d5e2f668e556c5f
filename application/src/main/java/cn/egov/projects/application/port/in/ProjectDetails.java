package cn.egov.projects.application.port.in;

import cn.egov.projects.domain.deadline.Deadline;
import cn.egov.projects.domain.deadline.DeadlineStatus;
import cn.egov.projects.domain.policy.PolicyPack;
import cn.egov.projects.domain.policy.PolicyPacks;
import cn.egov.projects.domain.project.Project;
import cn.egov.projects.domain.rule.Violation;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A project as read on a day: everything it holds, each deadline with its status that day, the flags of the
 * measures the Bureau must see (Art. 17, 22), and the pack it is judged by (which numbers the articles a page cites
 * and names the stages of its acceptance).
 */
public record ProjectDetails(Project.Snapshot project, LocalDate today, List<DeadlineView> deadlines,
                             List<Violation> flags, PolicyPack pack) {

    /** A project read under Taicang's measures (the default pack). */
    public ProjectDetails(Project.Snapshot project, LocalDate today, List<DeadlineView> deadlines,
                          List<Violation> flags) {
        this(project, today, deadlines, flags, PolicyPacks.taicang());
    }

    /** A deadline and where it stands today. */
    public record DeadlineView(Deadline deadline, DeadlineStatus status) {
    }

    public ProjectDetails {
        deadlines = List.copyOf(deadlines);
        flags = List.copyOf(flags);
        Objects.requireNonNull(pack, "pack");
    }
}
