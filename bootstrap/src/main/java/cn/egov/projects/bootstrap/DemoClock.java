package cn.egov.projects.bootstrap;

import cn.egov.projects.application.port.out.ClockPort;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The clock of a {@code --demo} start: the clock it wraps (the real time, or a simulated clock set by
 * {@code EGOV_CLOCK}), except while the demonstration data are written, when it reads 10:00 on the past day set, so
 * that the sample projects live their lives through the real use cases on the dates their stories need.
 */
final class DemoClock implements ClockPort {

    private final ClockPort real;
    private final AtomicReference<LocalDate> day = new AtomicReference<>();

    DemoClock(ClockPort real) {
        this.real = real;
    }

    void set(LocalDate past) {
        day.set(past);
    }

    void release() {
        day.set(null);
    }

    @Override
    public Instant now() {
        LocalDate d = day.get();
        return d == null ? real.now() : d.atTime(LocalTime.of(10, 0)).atZone(ZONE).toInstant();
    }

    @Override
    public boolean simulated() {
        return real.simulated();
    }
}
