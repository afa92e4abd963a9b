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
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A closed-loop HTTP load generator on {@code java.net.http}: {@code threads} clients each send a request, wait for
 * its answer and send the next, until {@code maxRequests} requests were sent or {@code maxDuration} passed,
 * whichever comes first. Every loop is bounded in count and in time, and only loopback URLs are accepted.
 */
public final class LoadRunner {

    /** One request to send and the status that counts as success. */
    public record Call(HttpRequest request, int expectedStatus) {
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
     * Runs a scenario. {@code calls.apply(i)} gives the i-th request (i counts from 0 across all threads, so
     * callers can make each request unique).
     *
     * @param warmup      requests sent first and not measured (bounded by {@code maxDuration} too)
     * @param maxRequests the most measured requests
     * @param maxDuration the most wall-clock time for the measured requests
     */
    public LatencyStats run(String name, int threads, int warmup, int maxRequests, Duration maxDuration,
                            IntFunction<Call> calls) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        loop(threads, warmup, maxDuration, calls, next, null);
        // Each warm-up thread took one number past the last it sent: measured requests are numbered from here.
        next.set(Math.min(next.get(), warmup));
        String before = loadAverage();
        List<long[]> perThread = new ArrayList<>();
        AtomicInteger errors = new AtomicInteger();
        long start = System.nanoTime();
        perThread.addAll(loop(threads, next.get() + maxRequests, maxDuration, calls, next, errors));
        long wall = System.nanoTime() - start;
        int total = perThread.stream().mapToInt(a -> a.length).sum();
        long[] all = new long[total];
        int at = 0;
        for (long[] part : perThread) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return new LatencyStats(name, all, errors.get(), wall, threads, before, loadAverage());
    }

    /** Sends requests number next..limit-1 on {@code threads} threads; returns each thread's latencies. */
    private List<long[]> loop(int threads, int limit, Duration maxDuration, IntFunction<Call> calls,
                              AtomicInteger next, AtomicInteger errors) throws InterruptedException {
        long deadline = System.nanoTime() + maxDuration.toNanos();
        List<long[]> results = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long[][] mine = new long[1][];
            results.add(null);
            int slot = t;
            Thread worker = new Thread(() -> {
                long[] latencies = new long[64];
                int n = 0;
                while (System.nanoTime() < deadline) {
                    int i = next.getAndIncrement();
                    if (i >= limit) {
                        break;
                    }
                    long nanos;
                    boolean ok;
                    long start = System.nanoTime();
                    try {
                        Call call = calls.apply(i);
                        Answer answer = send(call.request());
                        nanos = answer.nanos();
                        ok = answer.status() == call.expectedStatus();
                        if (!ok && errors != null && errors.get() < 5) {
                            System.err.println("unexpected " + answer.status() + " for " + call.request().method()
                                    + " " + call.request().uri() + ": " + abbreviate(answer.body()));
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
                    if (n == latencies.length) {
                        latencies = java.util.Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = nanos;
                }
                mine[0] = java.util.Arrays.copyOf(latencies, n);
                synchronized (results) {
                    results.set(slot, mine[0]);
                }
            }, "load-" + t);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        synchronized (results) {
            return new ArrayList<>(results);
        }
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
