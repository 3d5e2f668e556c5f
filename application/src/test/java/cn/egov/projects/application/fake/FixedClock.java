package cn.egov.projects.application.fake;

import cn.egov.projects.application.port.out.ClockPort;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/** A clock the test sets and advances; it reads 10:00 in Asia/Shanghai on the day set. */
public final class FixedClock implements ClockPort {

    private LocalDate today;

    public FixedClock(LocalDate today) {
        this.today = today;
    }

    public synchronized void set(LocalDate day) {
        this.today = day;
    }

    public synchronized void advanceDays(long days) {
        this.today = today.plusDays(days);
    }

    @Override
    public synchronized Instant now() {
        return today.atTime(LocalTime.of(10, 0)).atZone(ZONE).toInstant();
    }
}
