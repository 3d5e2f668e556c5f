package cn.egov.projects.persistence;

import cn.egov.projects.application.port.out.DueDeadlinesPort;
import cn.egov.projects.application.port.out.ProvisionalDeadlinesPort;
import cn.egov.projects.application.view.DueCursor;
import cn.egov.projects.application.view.DueDeadline;
import cn.egov.projects.domain.deadline.Deadline;
import cn.egov.projects.domain.project.Person;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.UnitId;
import cn.egov.projects.persistence.deadline.DueDeadlineDao;
import cn.egov.projects.persistence.deadline.DueDeadlineRow;
import cn.egov.projects.persistence.mybatis.Sessions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Open deadlines due by a day across all projects ({@link DueDeadlinesPort}), read page by page along the index
 * {@code (is_open, due_date, id)}: a page after the cursor costs what the first one does. A page after a cursor
 * (day D, id I) is read as two plain ranges of the index — the rest of day D after I, then the days after D if the
 * page is not full yet — because H2 does not seek an index by a row comparison such as
 * {@code (due_date, id) > (D, I)}: it would read all of day D up to the cursor again for every page.
 */
public final class DueDeadlinesAdapter implements DueDeadlinesPort, ProvisionalDeadlinesPort {

    /** The largest page the port admits. */
    static final int MAX_LIMIT = 10_000;

    private final Sessions sessions;

    DueDeadlinesAdapter(Sessions sessions) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    @Override
    public List<DueDeadline> openDueOnOrBefore(LocalDate dueOnOrBefore, DueCursor after, int limit) {
        Objects.requireNonNull(dueOnOrBefore, "dueOnOrBefore");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ": " + limit);
        }
        List<DueDeadlineRow> rows = sessions.call(s -> {
            DueDeadlineDao dao = s.getMapper(DueDeadlineDao.class);
            if (after == null) {
                return dao.openDue(dueOnOrBefore, null, null, null, limit);
            }
            // after (D, I): the rest of day D after I, then — if the page is not full — the days after D
            List<DueDeadlineRow> page = new ArrayList<>(
                    dao.openDue(dueOnOrBefore, after.due(), after.deadlineId(), null, limit));
            if (page.size() < limit) {
                page.addAll(dao.openDue(dueOnOrBefore, null, null, after.due(), limit - page.size()));
            }
            return page;
        });
        return rows.stream().map(DueDeadlinesAdapter::dueDeadline).toList();
    }

    @Override
    public List<ProjectId> projectsWithOpenProvisionalDeadlines() {
        return sessions.call(s -> s.getMapper(DueDeadlineDao.class).projectsWithOpenProvisionalDeadlines())
                .stream().map(ProjectId::new).toList();
    }

    private static DueDeadline dueDeadline(DueDeadlineRow r) {
        Deadline deadline = Deadline.open(r.id(), r.kind(), r.ref(), r.startDate(), r.dueDate(), r.provisional());
        return new DueDeadline(deadline, new ProjectId(r.projectId()), new UnitId(r.unit()), r.projectName(),
                r.classified(), r.state(), r.policyId(),
                person(r.leaderName(), r.leaderMobile(), r.leaderEmail()),
                person(r.responsibleName(), r.responsibleMobile(), r.responsibleEmail()));
    }

    private static Person person(String name, String mobile, String email) {
        return name == null ? null : new Person(name, mobile, email);
    }
}
