package cn.egov.projects.domain.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The last day of a period that must be met, per 《民法典》第二百零一至二百零三条.
 *
 * @param date        the last day (a working day)
 * @param provisional true when the computation consulted a day of a year whose holiday notice is
 *                    not held, so the date may move once that notice is loaded
 */
public record Due(LocalDate date, boolean provisional) {

    public Due {
        Objects.requireNonNull(date, "date");
    }
}
