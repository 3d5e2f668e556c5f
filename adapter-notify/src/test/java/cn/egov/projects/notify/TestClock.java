package cn.egov.projects.notify;

import cn.egov.projects.application.port.out.ClockPort;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicReference;

/** A clock the test sets and advances; thread-safe, so that scheduler threads read it too. */
final class TestClock implements ClockPort {

    private final AtomicReference<Instant> now;

    TestClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    static TestClock at(String localDateTime) {
        return new TestClock(LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant());
    }

    @Override
    public Instant now() {
        return now.get();
    }

    void set(Instant instant) {
        now.set(instant);
    }

    void advance(Duration d) {
        now.updateAndGet(i -> i.plus(d));
    }
}
