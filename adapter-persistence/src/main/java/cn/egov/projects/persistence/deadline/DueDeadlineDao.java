package cn.egov.projects.persistence.deadline;

import org.apache.ibatis.annotations.Param;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The MyBatis mapper of open deadlines across projects ({@code DueDeadlineDao.xml}). */
public interface DueDeadlineDao {

    /**
     * At most {@code limit} open deadlines due from {@code from} (when given) to {@code to}, ordered by (due day,
     * id), with an id after {@code afterId} when given (only with {@code from} equal to {@code to}): one range of the
     * index {@code (is_open, due_date, id)}.
     */
    List<DueDeadlineRow> openDue(@Param("from") LocalDate from, @Param("to") LocalDate to,
                                 @Param("afterId") UUID afterId, @Param("limit") int limit);

    /** The earliest due day of an open deadline, or null when none is open. */
    LocalDate earliestOpenDue();

    /** The projects with at least one open deadline whose due day was computed provisionally. */
    List<UUID> projectsWithOpenProvisionalDeadlines();
}
