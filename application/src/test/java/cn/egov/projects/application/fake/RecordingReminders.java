package cn.egov.projects.application.fake;

import cn.egov.projects.application.port.out.ReminderPort;
import cn.egov.projects.domain.deadline.Deadline;
import cn.egov.projects.domain.project.Project;

import java.util.ArrayList;
import java.util.List;

/** Records which deadlines were announced as opened and closed. */
public final class RecordingReminders implements ReminderPort, Rollback {

    private final List<Deadline> opened = new ArrayList<>();
    private final List<Deadline> closed = new ArrayList<>();

    @Override
    public synchronized void deadlinesChanged(Project project, List<Deadline> newlyOpened, List<Deadline> newlyClosed) {
        opened.addAll(newlyOpened);
        closed.addAll(newlyClosed);
    }

    public synchronized List<Deadline> opened() {
        return List.copyOf(opened);
    }

    public synchronized List<Deadline> closed() {
        return List.copyOf(closed);
    }

    @Override
    public synchronized Runnable checkpoint() {
        int openedSize = opened.size();
        int closedSize = closed.size();
        return () -> {
            synchronized (this) {
                opened.subList(openedSize, opened.size()).clear();
                closed.subList(closedSize, closed.size()).clear();
            }
        };
    }
}
