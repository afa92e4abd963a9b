package org.scim2j.benchmarks.load;

import java.util.Arrays;

/**
 * Latencies of one scenario, in nanoseconds, and what is quoted from them: throughput and the nearest-rank
 * p50, p99 and maximum.
 *
 * @param scenario    what was measured
 * @param latencies   one entry per completed request, in completion order
 * @param errors      requests that failed or answered an unexpected status
 * @param wallNanos   the wall-clock time of the measured requests
 * @param threads     the number of client threads (a closed loop: each sends its next request when it has the
 *                    answer to the previous one)
 * @param loadBefore  {@code /proc/loadavg} when the scenario started
 * @param loadAfter   {@code /proc/loadavg} when it ended
 */
public record LatencyStats(String scenario, long[] latencies, int errors, long wallNanos, int threads,
                           String loadBefore, String loadAfter) {

    /** Sorts a copy of the latencies. */
    public LatencyStats {
        latencies = latencies.clone();
        Arrays.sort(latencies);
    }

    /** How many requests completed (errors included). */
    public int count() {
        return latencies.length;
    }

    /** Completed requests per second of wall-clock time. */
    public double throughput() {
        return wallNanos == 0 ? 0 : latencies.length * 1e9 / wallNanos;
    }

    /** The nearest-rank percentile ({@code 0 < p <= 100}) in milliseconds; 0 with no requests. */
    public double percentileMillis(double p) {
        if (latencies.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * latencies.length);
        return latencies[Math.max(0, Math.min(latencies.length, rank) - 1)] / 1e6;
    }

    /** The slowest request in milliseconds. */
    public double maxMillis() {
        return latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1e6;
    }

    /** How many requests took longer than the limit. */
    public int slowerThan(long limitNanos) {
        int slow = 0;
        for (long l : latencies) {
            if (l > limitNanos) {
                slow++;
            }
        }
        return slow;
    }

    /** One Markdown table row: scenario, threads, requests, errors, seconds, req/s, p50, p99, max, &gt;1 s, load. */
    public String row(String store) {
        return String.format(java.util.Locale.ROOT,
                "| %s | %s | %d | %d | %d | %.1f | %.0f | %.2f | %.2f | %.2f | %d | %s → %s |",
                store, scenario, threads, count(), errors, wallNanos / 1e9, throughput(), percentileMillis(50),
                percentileMillis(99), maxMillis(), slowerThan(1_000_000_000L), loadBefore, loadAfter);
    }

    /** The header of {@link #row}. */
    public static String header() {
        return "| store | scenario | threads | requests | errors | s | req/s | p50 ms | p99 ms | max ms | > 1 s | "
                + "load avg (1 min) before → after |\n"
                + "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |";
    }
}
