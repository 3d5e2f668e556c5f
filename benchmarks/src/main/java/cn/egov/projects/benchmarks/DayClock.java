package cn.egov.projects.benchmarks;

import cn.egov.projects.application.port.out.ClockPort;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * The application's clock, one day per thread: each driver thread walks its own project through the lifecycle's
 * days while the others are elsewhere in it. The time of day is 10:00 in Asia/Shanghai.
 */
final class DayClock implements ClockPort {

    private final ThreadLocal<LocalDate> day;

    DayClock(LocalDate initial) {
        this.day = ThreadLocal.withInitial(() -> initial);
    }

    void set(LocalDate today) {
        day.set(today);
    }

    @Override
    public Instant now() {
        return day.get().atTime(LocalTime.of(10, 0)).atZone(ZONE).toInstant();
    }

    @Override
    public LocalDate today() {
        return day.get();
    }
}
