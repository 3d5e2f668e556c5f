package cn.egov.projects.persistence.deadline;

import org.apache.ibatis.annotations.Param;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The MyBatis mapper of open deadlines across projects ({@code DueDeadlineDao.xml}). */
public interface DueDeadlineDao {

    /**
     * At most {@code limit} open deadlines due on or before {@code dueOnOrBefore}, ordered by (due day, id), after
     * ({@code afterDue}, {@code afterId}) when those are given (both or neither).
     */
    List<DueDeadlineRow> openDueOnOrBefore(@Param("dueOnOrBefore") LocalDate dueOnOrBefore,
                                           @Param("afterDue") LocalDate afterDue, @Param("afterId") UUID afterId,
                                           @Param("limit") int limit);

    /** The projects with at least one open deadline whose due day was computed provisionally. */
    List<UUID> projectsWithOpenProvisionalDeadlines();
}
