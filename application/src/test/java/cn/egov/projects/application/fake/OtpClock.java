package cn.egov.projects.application.fake;

import cn.egov.projects.application.port.out.ClockPort;

import java.time.Duration;
import java.time.Instant;

/**
 * The time one-time codes are computed at in a test: set by the test and moved on a time step at a time, so that
 * each code a test makes is a fresh one (a code of a step already used is refused as a replay).
 */
public final class OtpClock implements ClockPort {

    private Instant now;

    public OtpClock(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    /** Moves on by one 30-second time step and returns the new time. */
    public synchronized Instant nextStep() {
        now = now.plus(Duration.ofSeconds(30));
        return now;
    }

    public synchronized void advance(Duration by) {
        now = now.plus(by);
    }
}
