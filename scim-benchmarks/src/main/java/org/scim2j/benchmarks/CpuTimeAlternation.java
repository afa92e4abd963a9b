package org.scim2j.benchmarks;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Compares benchmark methods on a busy machine: it runs them in turn, in short slices, round after round in one JVM,
 * and measures the <em>CPU time</em> of the running thread per operation rather than the wall-clock time, so that
 * other processes taking the cores slow every method alike instead of whichever ran while they did. It reports the
 * median over the rounds (the first quarter is warm-up) and each method's throughput relative to the first method of
 * its group. JMH stays the reference; this is the cross-check when the load average is well above the number of
 * cores.
 *
 * <pre>
 *   java -Xms1g -Xmx1g -cp scim-benchmarks/target/benchmarks.jar org.scim2j.benchmarks.CpuTimeAlternation \
 *       UserJsonBenchmark 40 150 goldfishWrite scim2jWriteTyped / goldfishRoundTrip scim2jRoundTripTyped
 * </pre>
 *
 * Arguments: the benchmark class (in this package), rounds, milliseconds per slice, then the methods, in groups
 * separated by {@code /}; the class's trial-level {@code @Setup} methods run first.
 */
public final class CpuTimeAlternation {

    private static final int CALLS_PER_CHECK = 50;

    /** Keeps the results alive so that the JIT cannot drop the work. */
    private static volatile Object sink;

    private CpuTimeAlternation() {
    }

    /** Runs the comparison; see the class comment for the arguments. */
    public static void main(String[] args) throws ReflectiveOperationException {
        if (args.length < 4) {
            System.err.println("usage: CpuTimeAlternation <BenchmarkClass> <rounds> <sliceMillis> <method>...");
            System.exit(2);
        }
        Class<?> type = Class.forName(CpuTimeAlternation.class.getPackageName() + "." + args[0]);
        Object benchmark = type.getDeclaredConstructor().newInstance();
        for (Method m : type.getMethods()) {
            Setup setup = m.getAnnotation(Setup.class);
            if (setup != null && setup.value() == Level.Trial) {
                m.invoke(benchmark);
            }
        }
        int rounds = Integer.parseInt(args[1]);
        long sliceNanos = Long.parseLong(args[2]) * 1_000_000L;
        List<Method> methods = new ArrayList<>();
        List<Integer> groupFirst = new ArrayList<>();
        List<List<Double>> nanosPerOp = new ArrayList<>();
        int first = 0;
        for (int i = 3; i < args.length; i++) {
            if (args[i].equals("/")) {
                first = methods.size();
                continue;
            }
            methods.add(type.getMethod(args[i]));
            groupFirst.add(first);
            nanosPerOp.add(new ArrayList<>());
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < methods.size(); i++) {
                double cpu = slice(threads, benchmark, methods.get(i), sliceNanos);
                if (round >= rounds / 4) {
                    nanosPerOp.get(i).add(cpu);
                }
            }
        }
        for (int i = 0; i < methods.size(); i++) {
            double median = median(nanosPerOp.get(i));
            int reference = groupFirst.get(i);
            System.out.printf(Locale.ROOT, "%-24s %9.0f ns CPU/op %10.0f ops per CPU-second  %5.2f x %s%n",
                    methods.get(i).getName(), median, 1e9 / median, median(nanosPerOp.get(reference)) / median,
                    methods.get(reference).getName());
        }
    }

    /** CPU nanoseconds per call of {@code method}, called for about {@code sliceNanos} of wall-clock time. */
    private static double slice(ThreadMXBean threads, Object benchmark, Method method, long sliceNanos)
            throws IllegalAccessException, InvocationTargetException {
        long cpuStart = threads.getCurrentThreadCpuTime();
        long wallStart = System.nanoTime();
        long calls = 0;
        while (System.nanoTime() - wallStart < sliceNanos) {
            for (int k = 0; k < CALLS_PER_CHECK; k++) {
                sink = method.invoke(benchmark);
            }
            calls += CALLS_PER_CHECK;
        }
        return (threads.getCurrentThreadCpuTime() - cpuStart) / (double) calls;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
