package cn.egov.projects.notify;

import cn.egov.projects.application.port.out.ClockPort;

import java.time.Instant;

/** The real time, for tests that run a real scheduler. */
final class SystemClock implements ClockPort {

    @Override
    public Instant now() {
        return Instant.now();
    }
}
