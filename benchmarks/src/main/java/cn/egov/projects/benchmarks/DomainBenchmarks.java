package cn.egov.projects.benchmarks;

import cn.egov.projects.domain.calendar.PeriodArithmetic;
import cn.egov.projects.domain.calendar.Term;
import cn.egov.projects.domain.calendar.WorkingDayCalendar;
import cn.egov.projects.domain.deadline.DeadlineKind;
import cn.egov.projects.domain.project.Project;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

/**
 * The domain alone (JMH): a whole lifecycle on the {@code Project} aggregate in memory (17 decisions, the rules
 * of every step and the deadlines they open and meet), a snapshot and restore (what persistence does per load and
 * save), and deadlines over the working-day calendar (7 working days across the May Day holiday, one month, one
 * year). {@code java -jar benchmarks/target/benchmarks.jar jmh} (JMH's own options follow).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DomainBenchmarks {

    private DomainLifecycle lifecycle;
    private PeriodArithmetic arithmetic;
    private Project contracted;
    private long n;
    private int day;

    @Setup
    public void setUp() {
        lifecycle = DomainLifecycle.taicang();
        arithmetic = new PeriodArithmetic(WorkingDayCalendar.official());
        contracted = lifecycle.contracted(0);
    }

    @Benchmark
    public Project wholeLifecycle() {
        return lifecycle.whole(++n);
    }

    @Benchmark
    public Project snapshotAndRestore() {
        return Project.restore(contracted.snapshot());
    }

    /** The next start day in 2025 (a different one each call, so the holidays fall differently). */
    private LocalDate nextDay() {
        day = (day + 1) % 365;
        return LocalDate.of(2025, 1, 1).plusDays(day);
    }

    @Benchmark
    public void sevenWorkingDays(Blackhole bh) {
        bh.consume(arithmetic.due(nextDay(), Term.workingDays(7)));
    }

    @Benchmark
    public void oneMonth(Blackhole bh) {
        bh.consume(arithmetic.due(nextDay(), Term.months(1)));
    }

    @Benchmark
    public void contractFilingDeadline(Blackhole bh) {
        bh.consume(lifecycle.calc.due(DeadlineKind.CONTRACT_FILING, nextDay()));
    }

    @Benchmark
    public void workingDaysBetween(Blackhole bh) {
        LocalDate from = nextDay();
        bh.consume(arithmetic.workingDaysBetween(from, from.plusDays(120)));
    }
}
