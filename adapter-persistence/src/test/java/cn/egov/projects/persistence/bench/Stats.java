package cn.egov.projects.persistence.bench;

import java.util.Arrays;
import java.util.Locale;

/** Order statistics of measured durations (nanoseconds) or rates. */
final class Stats {

    private final double[] sorted;

    private Stats(double[] values) {
        this.sorted = values.clone();
        Arrays.sort(sorted);
    }

    static Stats of(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        return new Stats(values);
    }

    static Stats ofNanos(long[] nanos, int count) {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = nanos[i];
        }
        return of(values);
    }

    int count() {
        return sorted.length;
    }

    /** The value below which {@code p} percent of the values lie (nearest rank). */
    double percentile(double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    double median() {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    double min() {
        return sorted[0];
    }

    double max() {
        return sorted[sorted.length - 1];
    }

    static String ms(double nanos) {
        return String.format(Locale.ROOT, nanos < 10_000_000 ? "%.2f" : "%.1f", nanos / 1_000_000.0);
    }
}
