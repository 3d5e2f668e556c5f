package cn.egov.projects.persistence;

import cn.egov.projects.application.port.out.DueDeadlinesPort;
import cn.egov.projects.application.port.out.ProvisionalDeadlinesPort;
import cn.egov.projects.application.view.DueCursor;
import cn.egov.projects.application.view.DueDeadline;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.persistence.deadline.DueDeadlineDao;
import cn.egov.projects.persistence.crypto.FieldCipher;
import cn.egov.projects.persistence.deadline.DueDeadlineRow;
import cn.egov.projects.persistence.mybatis.Sessions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;

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
    private final FieldCipher cipher;

    DueDeadlinesAdapter(Sessions sessions, FieldCipher cipher) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
    }

    @Override
    public List<DueDeadline> openDueOnOrBefore(LocalDate dueOnOrBefore, DueCursor after, int limit) {
        Objects.requireNonNull(dueOnOrBefore, "dueOnOrBefore");
        checkLimit(limit);
        List<DueDeadlineRow> rows = sessions.call(s ->
                range(s.getMapper(DueDeadlineDao.class), null, dueOnOrBefore, after, limit));
        return rows.stream().map(r -> r.toDueDeadline(cipher)).toList();
    }

    /** The days are read as runs of consecutive days, one index range each, from the cursor on. */
    @Override
    public List<DueDeadline> openDueOn(SortedSet<LocalDate> days, DueCursor after, int limit) {
        Objects.requireNonNull(days, "days");
        checkLimit(limit);
        List<LocalDate[]> runs = runs(after == null ? days : days.tailSet(after.due()));
        if (runs.isEmpty()) {
            return List.of();
        }
        List<DueDeadlineRow> rows = sessions.call(s -> {
            DueDeadlineDao dao = s.getMapper(DueDeadlineDao.class);
            List<DueDeadlineRow> page = new ArrayList<>();
            for (LocalDate[] run : runs) {
                page.addAll(range(dao, run[0], run[1], after, limit - page.size()));
                if (page.size() == limit) {
                    break;
                }
            }
            return page;
        });
        return rows.stream().map(r -> r.toDueDeadline(cipher)).toList();
    }

    @Override
    public Optional<LocalDate> earliestOpenDue() {
        return Optional.ofNullable(sessions.call(s -> s.getMapper(DueDeadlineDao.class).earliestOpenDue()));
    }

    /**
     * At most {@code limit} open deadlines due from {@code from} (null: however early) to {@code to}, after the
     * cursor: when the cursor's day D lies in the range, the rest of day D after its id, then — if the page is not
     * full yet — the days after D.
     */
    private static List<DueDeadlineRow> range(DueDeadlineDao dao, LocalDate from, LocalDate to, DueCursor after,
                                              int limit) {
        if (after == null || from != null && after.due().isBefore(from)) {
            return dao.openDue(from, to, null, limit);
        }
        if (after.due().isAfter(to)) {
            return List.of();
        }
        List<DueDeadlineRow> page = new ArrayList<>(dao.openDue(after.due(), after.due(), after.deadlineId(), limit));
        if (page.size() < limit && after.due().isBefore(to)) {
            page.addAll(dao.openDue(after.due().plusDays(1), to, null, limit - page.size()));
        }
        return page;
    }

    /** The days as runs of consecutive days {from, to}, in order. */
    private static List<LocalDate[]> runs(SortedSet<LocalDate> days) {
        List<LocalDate[]> runs = new ArrayList<>();
        LocalDate[] current = null;
        for (LocalDate day : days) {
            if (current != null && current[1].plusDays(1).equals(day)) {
                current[1] = day;
            } else {
                current = new LocalDate[] {day, day};
                runs.add(current);
            }
        }
        return runs;
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ": " + limit);
        }
    }

    @Override
    public List<ProjectId> projectsWithOpenProvisionalDeadlines() {
        return sessions.call(s -> s.getMapper(DueDeadlineDao.class).projectsWithOpenProvisionalDeadlines())
                .stream().map(ProjectId::new).toList();
    }
}
