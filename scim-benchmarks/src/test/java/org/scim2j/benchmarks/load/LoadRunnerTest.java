package org.scim2j.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** A smoke test of the load harness itself (not of the server): a stub on loopback, a few dozen requests. */
class LoadRunnerTest {

    @Test
    void runsBoundedScenariosAndCountsUnexpectedStatuses() throws Exception {
        HttpServer stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger served = new AtomicInteger();
        stub.createContext("/scim/Users", exchange -> {
            served.incrementAndGet();
            boolean authorised = "Bearer t".equals(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = "{\"totalResults\":1}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(authorised ? 200 : 401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        stub.start();
        try {
            URI base = URI.create("http://127.0.0.1:" + stub.getAddress().getPort() + "/scim");
            LoadRunner runner = new LoadRunner(base, "t");
            LatencyStats ok = runner.run("lookup", 2, 5, 40, Duration.ofSeconds(20),
                    i -> new LoadRunner.Call(runner.request("/Users?i=" + i).GET().build(), 200));
            assertThat(ok.count()).isEqualTo(40);
            assertThat(ok.errors()).isZero();
            assertThat(served.get()).isEqualTo(45);
            assertThat(ok.percentileMillis(50)).isPositive().isLessThanOrEqualTo(ok.percentileMillis(99));
            assertThat(ok.row("stub")).startsWith("| stub | lookup | 2 | 40 | 0 |");

            LatencyStats wrong = runner.run("created?", 1, 0, 10, Duration.ofSeconds(20),
                    i -> new LoadRunner.Call(runner.request("/Users").GET().build(), 201));
            assertThat(wrong.errors()).isEqualTo(10);

            LatencyStats timed = runner.run("bounded in time", 1, 0, Integer.MAX_VALUE, Duration.ofMillis(200),
                    i -> new LoadRunner.Call(runner.request("/Users").GET().build(), 200));
            assertThat(timed.wallNanos()).isLessThan(Duration.ofSeconds(10).toNanos());
        } finally {
            stub.stop(0);
        }
    }

    @Test
    void mixesReportEachLabelAndChainedStepsCountAsOneOperation() throws Exception {
        HttpServer stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger gets = new AtomicInteger();
        AtomicInteger puts = new AtomicInteger();
        stub.createContext("/scim/Users", exchange -> {
            boolean put = exchange.getRequestMethod().equals("PUT");
            (put ? puts : gets).incrementAndGet();
            byte[] body = (put ? new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
                    : "{\"nickName\":\"a\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        stub.start();
        try {
            URI base = URI.create("http://127.0.0.1:" + stub.getAddress().getPort() + "/scim");
            LoadRunner runner = new LoadRunner(base, "t");
            LoadRunner.Mix mix = runner.runMix("mix", 2, 0, 30, Duration.ofSeconds(20), i -> i % 3 == 0
                    ? new LoadRunner.Call(runner.request("/Users/x").GET().build(), 200).labelled("get+put")
                            .then(a -> new LoadRunner.Call(runner.json("PUT", "/Users/x", a.body()), 200))
                    : new LoadRunner.Call(runner.request("/Users").GET().build(), 200).labelled("search"));
            assertThat(mix.all().count()).isEqualTo(30);
            assertThat(mix.all().errors()).isZero();
            assertThat(mix.byLabel()).containsOnlyKeys("get+put", "search");
            assertThat(mix.byLabel().get("get+put").count()).isEqualTo(10);
            assertThat(mix.byLabel().get("search").count()).isEqualTo(20);
            assertThat(puts.get()).isEqualTo(10);
            assertThat(gets.get()).isEqualTo(30);

            LatencyStats failedFirstStep = runner.run("chain stops", 1, 0, 5, Duration.ofSeconds(20),
                    i -> new LoadRunner.Call(runner.request("/Users").GET().build(), 201)
                            .then(a -> new LoadRunner.Call(runner.json("PUT", "/Users/x", "{}"), 200)));
            assertThat(failedFirstStep.errors()).isEqualTo(5);
            assertThat(puts.get()).isEqualTo(10);
        } finally {
            stub.stop(0);
        }
    }

    @Test
    void mixWeightsMustAddUpTo100() {
        assertThat(IdpScenarios.parseWeights(IdpScenarios.DEFAULT_MIX).values().stream().mapToInt(w -> w).sum())
                .isEqualTo(100);
        assertThatThrownBy(() -> IdpScenarios.parseWeights("username:50,get:40"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdpScenarios.parseWeights("username:50,delete:50"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void percentilesAreNearestRank() {
        long[] ms = new long[100];
        for (int i = 0; i < 100; i++) {
            ms[i] = (100 - i) * 1_000_000L;
        }
        LatencyStats s = new LatencyStats("x", ms, 0, 1_000_000_000L, 1, "0", "0");
        assertThat(s.percentileMillis(50)).isEqualTo(50.0);
        assertThat(s.percentileMillis(99)).isEqualTo(99.0);
        assertThat(s.maxMillis()).isEqualTo(100.0);
        assertThat(s.throughput()).isEqualTo(100.0);
        assertThat(s.slowerThan(98_000_000L)).isEqualTo(2);
    }

    @Test
    void refusesAnythingButLoopback() {
        assertThatThrownBy(() -> new LoadRunner(URI.create("http://example.com/scim"), "t"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
