package org.scim2j.benchmarks.load;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;

/**
 * The lossless-storage steps of a {@link LoadMain} run (issue 12), on a store of {@link FullProfile} users: the
 * benchmark's indexes, storage per user, the checks of {@link FullProfileChecks}, the identity providers' lookups
 * and their mix ({@link IdpScenarios}), and the plans of each lookup ({@link PlanCapture}).
 */
final class FullProfileRun {

    /** Where results go: a line of Markdown. */
    interface Report {
        void line(String text) throws IOException;
    }

    /** How each scenario runs: clients, warm-up, measured requests and time bound. */
    record Bounds(int threads, int warmup, int requests, Duration seconds) {
    }

    private final Map<String, String> options;
    private final List<String> scenarios;
    private final int users;
    private final Bounds bounds;
    private final String runTag;
    private final Path out;
    private final String store;
    private final Report report;

    FullProfileRun(Map<String, String> options, List<String> scenarios, int users, Bounds bounds, String runTag,
                   Path out, String store, Report report) {
        this.options = options;
        this.scenarios = scenarios;
        this.users = users;
        this.bounds = bounds;
        this.runTag = runTag;
        this.out = out;
        this.store = store;
        this.report = report;
    }

    /** Before any scenario: {@code --indexes}, then {@code storage} and {@code verify} if asked for. */
    void prepare(LoadRunner runner, StoreInspector inspector) throws IOException, InterruptedException,
            SQLException {
        if (options.containsKey("indexes")) {
            Set<String> wanted = new TreeSet<>(List.of(options.get("indexes").split(",")));
            wanted.removeIf(k -> k.isBlank() || k.equals("none"));
            report.line("benchmark indexes (then ANALYZE users, scim_users): "
                    + String.join("; ", inspector.applyIndexes(wanted)) + "\n");
        }
        if (options.containsKey("lookup-groups")) {
            int count = Integer.parseInt(options.get("lookup-groups"));
            int inserted = StoreLoader.loadLookupGroups(inspector.url(), inspector.user(), inspector.password(),
                    count);
            report.line("lookup groups: " + count + " (" + inserted + " inserted now)\n");
        }
        if (scenarios.contains("storage")) {
            report.line("storage (load average " + LoadRunner.loadAverage() + "):\n" + inspector.storage());
        }
        if (scenarios.contains("verify")) {
            for (String line : new FullProfileChecks(runner, inspector, users, runTag, out).run()) {
                report.line(line + "\n");
            }
        }
    }

    /**
     * The lookups asked for, then the mix; one table row each, and one per operation of the mix. After each, the
     * database is let finish what abandoned requests left running (see {@link StoreInspector#awaitIdle}).
     */
    void measure(LoadRunner runner, StoreInspector inspector, LongSupplier serverCpu) throws IOException,
            InterruptedException, SQLException {
        IdpScenarios idp = new IdpScenarios(runner, users, runTag);
        List<String> cpu = new ArrayList<>();
        for (Map.Entry<String, IntFunction<LoadRunner.Call>> lookup : lookups(idp, lookupGroups()).entrySet()) {
            if (scenarios.contains(lookup.getKey())) {
                IntFunction<LoadRunner.Call> calls = lookup.getValue();
                long[] cpu0 = new long[1];
                LatencyStats stats = runner.runMix(calls.apply(0).label(), bounds.threads(), bounds.warmup(),
                        bounds.requests(), bounds.seconds(), calls, () -> cpu0[0] = serverCpu.getAsLong()).all();
                cpu.add(cpuLine(stats, serverCpu.getAsLong() - cpu0[0]));
                report.line(stats.row(store));
                drain(inspector);
            }
        }
        if (scenarios.contains("mix")) {
            String weights = options.getOrDefault("mix", IdpScenarios.DEFAULT_MIX);
            report.line("\nOkta/Entra mix, weights in percent of operations: `" + weights + "`\n\n"
                    + LatencyStats.header());
            long[] cpu0 = new long[1];
            LoadRunner.Mix mix = runner.runMix("**Okta/Entra mix**", bounds.threads(), bounds.warmup(),
                    bounds.requests(), bounds.seconds(), idp.mix(weights), () -> cpu0[0] = serverCpu.getAsLong());
            cpu.add(cpuLine(mix.all(), serverCpu.getAsLong() - cpu0[0]));
            report.line(mix.all().row(store));
            for (LatencyStats part : mix.byLabel().values()) {
                report.line(part.row(store));
            }
            drain(inspector);
        }
        if (!cpu.isEmpty()) {
            report.line("\nThe server's CPU time (its JVM process, user + system, 10 ms ticks) per measured "
                    + "operation:\n\n| scenario | operations | server CPU s | ms per operation |\n"
                    + "| --- | ---: | ---: | ---: |");
            for (String line : cpu) {
                report.line(line);
            }
        }
    }

    private String cpuLine(LatencyStats stats, long cpuNanos) {
        int operations = stats.count();
        return String.format(Locale.ROOT, "| %s | %,d | %.2f | %.2f |", stats.scenario(), operations,
                cpuNanos / 1e9, cpuNanos / 1e6 / operations);
    }

    private void drain(StoreInspector inspector) throws SQLException, InterruptedException, IOException {
        double waited = inspector.awaitIdle(Duration.ofMinutes(10));
        if (waited > 1) {
            report.line(String.format(Locale.ROOT, "| | (the database ran statements of abandoned requests for"
                    + " another %.0f s; waited) | | | | | | | | | | |", waited));
        }
    }

    private int lookupGroups() {
        return Integer.parseInt(options.getOrDefault("lookup-groups", "0"));
    }

    /** The lookup scenarios, by scenario name, in the order they run. */
    private static Map<String, IntFunction<LoadRunner.Call>> lookups(IdpScenarios idp, int groups) {
        Map<String, IntFunction<LoadRunner.Call>> lookups = new LinkedHashMap<>();
        lookups.put("username", idp::userName); // the requests of LoadMain's "lookup", with the server's CPU
        lookups.put("get", idp::get);
        lookups.put("external-id", idp::externalId);
        lookups.put("email-work", idp::workEmail);
        lookups.put("title-rare", idp::rareTitle);
        lookups.put("title-common", idp::commonTitle);
        lookups.put("employee-number", idp::employeeNumber);
        lookups.put("email-value", idp::emailValue);
        lookups.put("email-work-and", idp::workEmailValueFilter);
        lookups.put("name-parts", idp::nameParts);
        lookups.put("display-name", idp::displayName);
        lookups.put("id", idp::idFilter);
        if (groups > 0) {
            lookups.put("group-display-name", i -> idp.groupDisplayName(i, groups));
            lookups.put("group-external-id", i -> idp.groupExternalId(i, groups));
        }
        return lookups;
    }

    /**
     * Each lookup once, through a server whose sessions run {@code auto_explain} ({@code capture}): the statements
     * on {@code scim_users} and their plans, summarised in the results and whole in {@code <out>/explain-*.txt}.
     */
    void explain(LoadRunner runner, PlanCapture capture, StoreInspector inspector) throws IOException,
            InterruptedException, SQLException {
        IdpScenarios idp = new IdpScenarios(runner, users, runTag);
        Map<String, IntFunction<LoadRunner.Call>> shapes = new LinkedHashMap<>();
        // the plans of the lookups this run measures (--scenarios), or of all when it measures none
        lookups(idp, lookupGroups()).forEach((name, shape) -> {
            if (scenarios.contains(name)) {
                shapes.put(name, shape);
            }
        });
        if (shapes.isEmpty()) {
            shapes.putAll(lookups(idp, lookupGroups()));
        }
        report.line("\nPlans (auto_explain: EXPLAIN ANALYZE, BUFFERS of the server's own statements, first execution;"
                + " load average " + LoadRunner.loadAverage() + "):\n");
        StringBuilder full = new StringBuilder();
        for (IntFunction<LoadRunner.Call> shape : shapes.values()) {
            LoadRunner.Call call = shape.apply(1);
            long offset = capture.offset();
            LoadRunner.Answer answer = runner.send(call.request());
            // the log is written after the answer; a statement may still run if the request timed out
            inspector.awaitIdle(Duration.ofMinutes(15));
            Thread.sleep(500);
            List<PlanCapture.Plan> plans = capture.since(offset).stream()
                    .filter(p -> p.query().contains("scim_users") || p.query().contains("scim_groups")).toList();
            URI uri = call.request().uri();
            report.line(String.format(Locale.ROOT, "* **%s** `%s` → %d in %.1f ms:", call.label(),
                    uri.getRawQuery() == null ? uri.getPath() : URLDecoder.decode(uri.getRawQuery(),
                            StandardCharsets.UTF_8), answer.status(), answer.nanos() / 1e6));
            full.append("## ").append(call.label()).append(": ").append(uri).append("\n\n");
            for (PlanCapture.Plan plan : plans) {
                report.line(String.format(Locale.ROOT, "  * %.1f ms: `%s`%n    ```%n    %s%n    ```", plan.millis(),
                        plan.query(), String.join("\n    ", plan.summary())));
                full.append(String.format(Locale.ROOT, "duration %.3f ms%nQuery Text: %s%n%s%n%n", plan.millis(),
                        plan.query(), String.join("\n", plan.lines())));
            }
        }
        Path file = out.resolve("explain-" + runTag + ".txt");
        Files.writeString(file, full.toString(), StandardCharsets.UTF_8);
        report.line("\nfull plans: " + file + "\n");
    }
}
