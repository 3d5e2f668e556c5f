package cn.egov.projects.bootstrap;

import cn.egov.projects.application.port.out.ClockPort;

import java.time.Clock;
import java.time.Instant;

/** The real time, for production; the use cases read it only through {@link ClockPort}. */
public final class SystemClock implements ClockPort {

    private final Clock clock = Clock.system(ZONE);

    @Override
    public Instant now() {
        return clock.instant();
    }
}
