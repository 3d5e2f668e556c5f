package cn.egov.projects.application.port.out;

import cn.egov.projects.domain.deadline.Deadline;
import cn.egov.projects.domain.project.Project;

import java.util.List;

/**
 * Learns, inside the use case's transaction, which deadlines a change opened and which it closed, so that
 * reminders for the first are planned and those for the second are cancelled.
 */
public interface ReminderPort {

    void deadlinesChanged(Project project, List<Deadline> opened, List<Deadline> closed);
}
