package cn.egov.projects.persistence.deadline;

import org.apache.ibatis.annotations.Param;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The MyBatis mapper of open deadlines across projects ({@code DueDeadlineDao.xml}). */
public interface DueDeadlineDao {

    /**
     * At most {@code limit} open deadlines due on or before {@code dueOnOrBefore}, ordered by (due day, id); each of
     * the other conditions applies when given: due on {@code onDay} with an id after {@code afterId} (both or
     * neither), due after {@code afterDay}. Each is one range of the index {@code (is_open, due_date, id)}.
     */
    List<DueDeadlineRow> openDue(@Param("dueOnOrBefore") LocalDate dueOnOrBefore, @Param("onDay") LocalDate onDay,
                                 @Param("afterId") UUID afterId, @Param("afterDay") LocalDate afterDay,
                                 @Param("limit") int limit);

    /** The projects with at least one open deadline whose due day was computed provisionally. */
    List<UUID> projectsWithOpenProvisionalDeadlines();
}
