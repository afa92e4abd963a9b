package org.scim2j.benchmarks.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * A closed-loop HTTP load generator on {@code java.net.http}: {@code threads} clients each send a request, wait for
 * its answer and send the next, until {@code maxRequests} requests were sent or {@code maxDuration} passed,
 * whichever comes first. Every loop is bounded in count and in time, and only loopback URLs are accepted.
 */
public final class LoadRunner {

    /**
     * One operation: a request, the status that counts as success, an optional label (a mix reports each label
     * apart) and an optional next step built from the answer (e.g. Okta's GET then PUT of the same user), sent at
     * once and timed as part of the same operation.
     */
    public record Call(HttpRequest request, int expectedStatus, String label, Function<Answer, Call> then) {

        /** A single request, unlabelled. */
        public Call(HttpRequest request, int expectedStatus) {
            this(request, expectedStatus, null, null);
        }

        /** This operation, reported under {@code name} in a mix. */
        public Call labelled(String name) {
            return new Call(request, expectedStatus, name, then);
        }

        /** This request, then the one {@code next} builds from its answer (only when the status was expected). */
        public Call then(Function<Answer, Call> next) {
            return new Call(request, expectedStatus, label, next);
        }
    }

    /** A mix: all operations, and those of each label. */
    public record Mix(LatencyStats all, Map<String, LatencyStats> byLabel) {
    }

    /** One answer: its status, body and latency. */
    public record Answer(int status, String body, long nanos) {
    }

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient client;
    private final URI base;
    private final String authorization;

    /**
     * @param base  the SCIM base URL, e.g. {@code http://127.0.0.1:8080/api/scim/v2}; must be loopback
     * @param token the admin token, sent as {@code Authorization: Bearer}
     */
    public LoadRunner(URI base, String token) {
        String host = base.getHost();
        if (!"127.0.0.1".equals(host) && !"localhost".equals(host) && !"[::1]".equals(host)) {
            throw new IllegalArgumentException("loopback only, not " + base);
        }
        this.base = base;
        this.authorization = "Bearer " + token;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** A request builder for {@code base + path}, authorised, with the SCIM media type. */
    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT)
                .header("Authorization", authorization).header("Accept", "application/scim+json");
    }

    /** A request with a JSON body. */
    public HttpRequest json(String method, String path, String body) {
        return request(path).header("Content-Type", "application/scim+json")
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }

    /** Sends one request and times it (the time includes reading the whole body). */
    public Answer send(HttpRequest request) throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(), System.nanoTime() - start);
    }

    /**
     * Runs a scenario. {@code calls.apply(i)} gives the i-th operation (i counts from 0 across all threads, so
     * callers can make each request unique).
     *
     * @param warmup      operations sent first and not measured (bounded by {@code maxDuration} too)
     * @param maxRequests the most measured operations
     * @param maxDuration the most wall-clock time for the measured operations
     */
    public LatencyStats run(String name, int threads, int warmup, int maxRequests, Duration maxDuration,
                            IntFunction<Call> calls) throws InterruptedException {
        return runMix(name, threads, warmup, maxRequests, maxDuration, calls).all();
    }

    /** {@link #run}, with the operations of each {@link Call#label()} also reported apart. */
    public Mix runMix(String name, int threads, int warmup, int maxRequests, Duration maxDuration,
                      IntFunction<Call> calls) throws InterruptedException {
        return runMix(name, threads, warmup, maxRequests, maxDuration, calls, () -> { });
    }

    /** {@link #runMix}, calling {@code measuring} after the warm-up, when the measured operations start. */
    public Mix runMix(String name, int threads, int warmup, int maxRequests, Duration maxDuration,
                      IntFunction<Call> calls, Runnable measuring) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        loop(threads, warmup, maxDuration, calls, next, null);
        // Each warm-up thread took one number past the last it sent: measured requests are numbered from here.
        next.set(Math.min(next.get(), warmup));
        measuring.run();
        String before = loadAverage();
        AtomicInteger errors = new AtomicInteger();
        long start = System.nanoTime();
        List<Samples> perThread = loop(threads, next.get() + maxRequests, maxDuration, calls, next, errors);
        long wall = System.nanoTime() - start;
        String after = loadAverage();
        Samples all = new Samples();
        perThread.forEach(all::addAll);
        Map<String, Samples> parts = new TreeMap<>();
        for (int k = 0; k < all.size; k++) {
            if (all.labels[k] != null) {
                parts.computeIfAbsent(all.labels[k], l -> new Samples()).add(all.nanos[k], all.failed[k], null);
            }
        }
        Map<String, LatencyStats> byLabel = new LinkedHashMap<>();
        parts.forEach((label, samples) -> byLabel.put(label, samples.stats("mix: " + label, wall, threads, before,
                after)));
        return new Mix(all.stats(name, wall, threads, before, after), byLabel);
    }

    /** Latencies, failures and labels of completed operations; not thread-safe. */
    private static final class Samples {
        long[] nanos = new long[64];
        boolean[] failed = new boolean[64];
        String[] labels = new String[64];
        int size;

        void add(long latency, boolean error, String label) {
            if (size == nanos.length) {
                nanos = java.util.Arrays.copyOf(nanos, size * 2);
                failed = java.util.Arrays.copyOf(failed, size * 2);
                labels = java.util.Arrays.copyOf(labels, size * 2);
            }
            nanos[size] = latency;
            failed[size] = error;
            labels[size++] = label;
        }

        void addAll(Samples other) {
            for (int k = 0; k < other.size; k++) {
                add(other.nanos[k], other.failed[k], other.labels[k]);
            }
        }

        LatencyStats stats(String name, long wall, int threads, String before, String after) {
            int errors = 0;
            for (int k = 0; k < size; k++) {
                errors += failed[k] ? 1 : 0;
            }
            return new LatencyStats(name, java.util.Arrays.copyOf(nanos, size), errors, wall, threads, before,
                    after);
        }
    }

    /** Sends operations number next..limit-1 on {@code threads} threads; returns each thread's samples. */
    private List<Samples> loop(int threads, int limit, Duration maxDuration, IntFunction<Call> calls,
                               AtomicInteger next, AtomicInteger errors) throws InterruptedException {
        long deadline = System.nanoTime() + maxDuration.toNanos();
        List<Samples> results = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Samples mine = new Samples();
            results.add(mine);
            Thread worker = new Thread(() -> {
                while (System.nanoTime() < deadline) {
                    int i = next.getAndIncrement();
                    if (i >= limit) {
                        break;
                    }
                    long nanos = 0;
                    boolean ok = true;
                    String label = null;
                    long start = System.nanoTime();
                    try {
                        Call call = calls.apply(i);
                        label = call.label();
                        while (call != null) {
                            Answer answer = send(call.request());
                            nanos += answer.nanos();
                            if (answer.status() != call.expectedStatus()) {
                                ok = false;
                                if (errors != null && errors.get() < 5) {
                                    System.err.println("unexpected " + answer.status() + " for "
                                            + call.request().method() + " " + call.request().uri() + ": "
                                            + abbreviate(answer.body()));
                                }
                                break;
                            }
                            call = call.then() == null ? null : call.then().apply(answer);
                        }
                    } catch (IOException | RuntimeException e) {
                        nanos = System.nanoTime() - start;
                        ok = false;
                        if (errors != null && errors.get() < 5) {
                            System.err.println("request " + i + " failed: " + e);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                    if (!ok && errors != null) {
                        errors.incrementAndGet();
                    }
                    // Only this thread writes its samples; join() publishes them.
                    mine.add(nanos, !ok, label);
                }
            }, "load-" + t);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return results;
    }

    /** The 1-minute load average, from {@code /proc/loadavg} ({@code ?} where there is none). */
    public static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    static String abbreviate(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    /** URL-encodes a query parameter value. */
    static String urlEncode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
