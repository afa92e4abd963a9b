package org.scim2j.benchmarks.load;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load and scale benchmark of the example server (issue 8): creates a PostgreSQL database, starts
 * {@code scim-example-server.jar} on it as a separate process, bulk-loads users and groups through JDBC, and drives
 * Okta-style traffic over loopback HTTP, printing Markdown rows (also appended to {@code <out>/results.md}).
 *
 * <pre>
 *   java -cp scim-benchmarks/target/benchmarks.jar org.scim2j.benchmarks.load.LoadMain \
 *       --users 1000000 --groups 10,10000,100000 --xmx 256m
 * </pre>
 *
 * Options (defaults in brackets): {@code --jar} [scim-examples/target/scim-example-server.jar], {@code --users}
 * [1000], {@code --groups} comma-separated group sizes [10], {@code --xmx} server heap [256m], {@code --threads}
 * client threads [2], {@code --warmup} requests [300], {@code --requests} measured requests per scenario [3000],
 * {@code --seconds} time bound per scenario [30], {@code --paging-seconds} time bound of the index paging walk
 * (and as much again for its samples) [120], {@code --cursor-seconds} time bound of the cursor walk [as
 * {@code --paging-seconds}],
 * {@code --scenarios} [lookup,paging-index,paging-cursor,create,put,patch,group-add,group-add-200] (also
 * {@code put-change} and {@code patch-change}: a PUT or PATCH that writes a new {@code externalId} every time,
 * where {@code put} and {@code patch} write a user once and then repeat what it holds),
 * {@code --server-jvm} extra server JVM options, space-separated (e.g. {@code -XX:StartFlightRecording=...}),
 * {@code --jdbc-admin} [jdbc:postgresql://127.0.0.1:5432/postgres], {@code --db} [scim_load], {@code --db-user}
 * [postgres], {@code --db-password} [empty], {@code --keep-db} (do not drop the database at the end),
 * {@code --reuse-db} (neither create nor load it: use what a run with {@code --keep-db} left), {@code --out}
 * [scim-benchmarks/target/load].
 *
 * <p>Lossless storage (issue 12): {@code --profile full} loads every user as a full RFC 7643 §8.2 User with the
 * Enterprise extension ({@link FullProfile}: columns and {@code scim_users.attributes} document) [minimal];
 * {@code --indexes} makes exactly these benchmark indexes exist before the scenarios ({@code none}, or a
 * comma-separated subset of {@code title,employeeNumber,externalId}, see {@link StoreInspector#INDEXES}) [left as
 * they are]; more scenarios: {@code storage} (size per user), {@code verify} ({@link FullProfileChecks}),
 * {@code username} (the requests of {@code lookup}), {@code get}, {@code external-id}, {@code email-work},
 * {@code title-rare}, {@code title-common}, {@code employee-number}, and (issue 17) {@code email-value},
 * {@code email-work-and}, {@code name-parts}, {@code display-name}, {@code id}, and with {@code --lookup-groups N}
 * (that many member-less groups, inserted if missing) {@code group-display-name} and {@code group-external-id};
 * {@code mix} (the Okta/Entra mix, weights
 * {@code --mix} [{@value IdpScenarios#DEFAULT_MIX}]) and {@code explain} (the plans of each lookup's statements,
 * through {@code auto_explain} and the PostgreSQL log {@code --pg-log}
 * [/var/log/postgresql/postgresql-15-main.log]; see {@link PlanCapture}).
 *
 * <p>Why it is long (over 400 lines): the command line of every load scenario; a benchmark driver, not library code.
 */
public final class LoadMain {

    private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final Pattern TOTAL = Pattern.compile("\"totalResults\"\\s*:\\s*(\\d+)");
    private static final Pattern ITEMS = Pattern.compile("\"itemsPerPage\"\\s*:\\s*(\\d+)");
    private static final Pattern NEXT = Pattern.compile("\"nextCursor\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern GC = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
    private static final int PAGE = 100;

    private final Map<String, String> options;
    private final Path out;
    private final String store;
    private final StoreLoader.Profile profile;
    private final int users;
    private final int threads;
    private final int warmup;
    private final int requests;
    private final Duration bound;
    private final String runTag = Long.toString(System.currentTimeMillis(), 36);

    private LoadMain(Map<String, String> options) {
        this.options = options;
        this.out = Path.of(options.getOrDefault("out", "scim-benchmarks/target/load"));
        this.users = Integer.parseInt(options.getOrDefault("users", "1000"));
        this.threads = Integer.parseInt(options.getOrDefault("threads", "2"));
        this.warmup = Integer.parseInt(options.getOrDefault("warmup", "300"));
        this.requests = Integer.parseInt(options.getOrDefault("requests", "3000"));
        this.bound = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "30")));
        this.profile = StoreLoader.Profile.valueOf(options.getOrDefault("profile", "minimal")
                .toUpperCase(Locale.ROOT));
        this.store = String.format(Locale.ROOT, "PostgreSQL, %,d %susers", users,
                profile == StoreLoader.Profile.FULL ? "full " : "")
                + (options.containsKey("indexes") ? ", bench indexes: " + options.get("indexes") : "");
    }

    /** Runs the benchmark; see the class comment for the options. */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option, not " + args[i]);
            }
            String key = args[i].substring(2);
            if (key.equals("keep-db") || key.equals("reuse-db")) {
                options.put(key, "true");
            } else if (i + 1 < args.length) {
                options.put(key, args[++i]);
            } else {
                throw new IllegalArgumentException("--" + key + " needs a value");
            }
        }
        new LoadMain(options).run();
    }

    private void run() throws Exception {
        Files.createDirectories(out);
        String adminUrl = options.getOrDefault("jdbc-admin", "jdbc:postgresql://127.0.0.1:5432/postgres");
        String db = options.getOrDefault("db", "scim_load");
        String dbUser = options.getOrDefault("db-user", "postgres");
        String dbPassword = options.getOrDefault("db-password", "");
        String url = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + db;
        int[] groups = Arrays.stream(options.getOrDefault("groups", "10").split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).mapToInt(Integer::parseInt).toArray();
        List<String> scenarios = List.of(options.getOrDefault("scenarios",
                "lookup,paging-index,paging-cursor,create,put,patch,group-add,group-add-200").split(","));
        String token = "load-" + UUID.randomUUID();
        Map<String, String> env = new HashMap<>();
        env.put("SCIM_JDBC_URL", url);
        env.put("SCIM_JDBC_USER", dbUser);
        env.put("SCIM_JDBC_PASSWORD", dbPassword);
        env.put("SCIM_ADMIN_TOKEN", token);
        Path jar = Path.of(options.getOrDefault("jar", "scim-examples/target/scim-example-server.jar"));

        report("\n## " + store + " — " + Instant.now() + "\n\n" + machine() + "\n");
        boolean reuse = options.containsKey("reuse-db");
        if (!reuse) {
            StoreLoader.recreateDatabase(adminUrl, dbUser, dbPassword, db);
        }
        try {
            try (ExampleServer server = start(jar, env, "server-" + users)) {
                if (reuse) {
                    report("reusing database " + db + " as an earlier run with --keep-db left it\n");
                } else {
                    long t0 = System.nanoTime();
                    StoreLoader.load(url + "?reWriteBatchedInserts=true", dbUser, dbPassword, users, groups,
                            profile);
                    report(String.format(Locale.ROOT, "bulk load (JDBC batches of 5,000, then VACUUM ANALYZE): %,d"
                            + " %s users, groups of %s members: %.1f s\n", users,
                            profile.name().toLowerCase(Locale.ROOT), Arrays.toString(groups),
                            (System.nanoTime() - t0) / 1e9));
                }
                LoadRunner runner = new LoadRunner(server.baseUrl(), token);
                FullProfileRun lossless = new FullProfileRun(options, scenarios, users, new FullProfileRun.Bounds(
                        threads, warmup, requests, bound), runTag, out, store, this::report);
                StoreInspector inspector = new StoreInspector(url, dbUser, dbPassword);
                lossless.prepare(runner, inspector);
                report(LatencyStats.header());
                if (scenarios.contains("lookup")) {
                    row(runner.run("lookup `userName eq`", threads, warmup, requests, bound, i -> {
                        String filter = "userName eq \"" + StoreLoader.login(spread(i)) + "\"";
                        return new LoadRunner.Call(runner.request("/Users?filter=" + LoadRunner.urlEncode(filter))
                                .GET().build(), 200);
                    }));
                }
                // Paging first, while the store holds exactly the loaded users.
                if (scenarios.contains("paging-index")) {
                    indexPaging(runner);
                }
                if (scenarios.contains("paging-cursor")) {
                    cursorPaging(runner);
                }
                lossless.measure(runner, inspector, server::cpuNanos);
                if (scenarios.contains("create")) {
                    row(runner.run("create `POST /Users`", threads, warmup, requests, bound, i ->
                            new LoadRunner.Call(runner.json("POST", "/Users", userJson(users + i, "new-" + runTag
                                    + "-" + i + "@load.example.com")), 201)));
                }
                if (scenarios.contains("put")) {
                    row(runner.run("replace `PUT /Users/{id}`", threads, warmup, requests, bound, i -> {
                        int u = spread(i);
                        return new LoadRunner.Call(runner.json("PUT", "/Users/" + StoreLoader.scimId(u),
                                userJson(u, StoreLoader.login(u))), 200);
                    }));
                }
                if (scenarios.contains("put-change")) {
                    // every PUT writes: its externalId differs from what the user holds (issue 19's uncontended cost)
                    row(runner.run("replace `PUT /Users/{id}`, a new externalId each", threads, warmup, requests,
                            bound, i -> {
                                int u = spread(i);
                                String body = userJson(u, StoreLoader.login(u)).replace("\"externalId\":\"ext-",
                                        "\"externalId\":\"" + runTag + "-" + i + "-ext-");
                                return new LoadRunner.Call(runner.json("PUT", "/Users/" + StoreLoader.scimId(u), body),
                                        200);
                            }));
                }
                if (scenarios.contains("patch-change")) {
                    // every PATCH writes: a new externalId each
                    row(runner.run("`PATCH replace externalId`, a new value each", threads, warmup, requests, bound,
                            i -> new LoadRunner.Call(runner.json("PATCH", "/Users/" + StoreLoader.scimId(spread(i + 1)),
                                    "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"replace\","
                                            + "\"path\":\"externalId\",\"value\":\"" + runTag + "-p" + i + "\"}]}"),
                                    200)));
                }
                if (scenarios.contains("patch")) {
                    row(runner.run("deactivate `PATCH active=false`", threads, warmup, requests, bound, i ->
                            new LoadRunner.Call(runner.json("PATCH", "/Users/" + StoreLoader.scimId(spread(i + 1)),
                                    "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"replace\","
                                            + "\"value\":{\"active\":false}}]}"), 200)));
                }
                if (scenarios.contains("group-add")) {
                    groupAdds(runner, groups, url, dbUser, dbPassword, 204, warmup, requests);
                }
                serverHealth(server, "server-" + users);
            }
            if (scenarios.contains("group-add-200")) {
                Map<String, String> with200 = new HashMap<>(env);
                with200.put("SCIM_PATCH_NO_CONTENT", "none");
                try (ExampleServer server = start(jar, with200, "server-" + users + "-patch200")) {
                    report("\nGroup PATCH answered with 200 and the whole group (`SCIM_PATCH_NO_CONTENT=none`):\n");
                    report(LatencyStats.header());
                    groupAdds(new LoadRunner(server.baseUrl(), token), groups, url, dbUser, dbPassword, 200,
                            Math.min(warmup, 30), Math.min(requests, 300));
                    serverHealth(server, "server-" + users + "-patch200");
                }
            }
            if (scenarios.contains("explain")) {
                String log = options.getOrDefault("pg-log", "/var/log/postgresql/postgresql-15-main.log");
                try (PlanCapture capture = PlanCapture.enable(adminUrl, dbUser, dbPassword, db, log);
                     ExampleServer server = start(jar, env, "server-" + users + "-explain")) {
                    new FullProfileRun(options, scenarios, users, null, runTag, out, store, this::report)
                            .explain(new LoadRunner(server.baseUrl(), token), capture,
                                    new StoreInspector(url, dbUser, dbPassword));
                }
            }
        } finally {
            if (!options.containsKey("keep-db")) {
                StoreLoader.dropDatabase(adminUrl, dbUser, dbPassword, db);
            }
        }
    }

    private ExampleServer start(Path jar, Map<String, String> env, String name)
            throws IOException, InterruptedException {
        List<String> jvm = new ArrayList<>();
        jvm.add("-Xmx" + options.getOrDefault("xmx", "256m"));
        jvm.add("-Xlog:gc:file=" + out.resolve("gc-" + name + ".log"));
        String extra = options.getOrDefault("server-jvm", "").trim();
        if (!extra.isEmpty()) {
            jvm.addAll(List.of(extra.split("\\s+")));
        }
        report("server `" + name + "`: `java " + String.join(" ", jvm) + " -jar " + jar + "`, "
                + (env.containsKey("SCIM_PATCH_NO_CONTENT") ? "SCIM_PATCH_NO_CONTENT="
                + env.get("SCIM_PATCH_NO_CONTENT") : "Group PATCH → 204 (default)"));
        return ExampleServer.start(jar, jvm, env, out, name);
    }

    /** Adds a new member per request to each loaded group, then removes what was added. */
    private void groupAdds(LoadRunner runner, int[] groups, String url, String user, String password,
                           int status, int warm, int count) throws InterruptedException, SQLException, IOException {
        for (int size : groups) {
            int room = users - size;
            int measured = Math.min(count, room - warm);
            if (measured <= 0) {
                report("| " + store + " | member add, " + size + " members: no users left to add |");
                continue;
            }
            String group = StoreLoader.groupScimId(size);
            row(runner.run(String.format(Locale.ROOT, "member add `PATCH /Groups`, %,d members → %d", size, status),
                    threads, warm, measured, bound, i -> new LoadRunner.Call(runner.json("PATCH", "/Groups/" + group,
                            "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"add\",\"path\":\"members\","
                                    + "\"value\":[{\"value\":\"" + StoreLoader.scimId(size + i) + "\"}]}]}"),
                            status)));
            StoreLoader.resetGroup(url, user, password, size);
        }
    }

    /** {@code startIndex=1,101,...} through all users, one request at a time, bounded in time. */
    private void indexPaging(LoadRunner runner) throws IOException, InterruptedException {
        Duration limit = Duration.ofSeconds(Long.parseLong(options.getOrDefault("paging-seconds", "120")));
        long deadline = System.nanoTime() + limit.toNanos();
        List<long[]> pages = new ArrayList<>(); // {startIndex, nanos}
        int errors = 0;
        String before = LoadRunner.loadAverage();
        long start = System.nanoTime();
        int total = users;
        int seen = 0;
        for (int startIndex = 1; startIndex <= total && System.nanoTime() < deadline; startIndex += PAGE) {
            LoadRunner.Answer a = runner.send(runner.request("/Users?startIndex=" + startIndex + "&count=" + PAGE)
                    .GET().build());
            pages.add(new long[] {startIndex, a.nanos()});
            if (a.status() != 200) {
                errors++;
                if (errors > 5) {
                    break;
                }
                continue;
            }
            total = group(TOTAL, a.body()).map(Integer::parseInt).orElse(total);
            seen += group(ITEMS, a.body()).map(Integer::parseInt).orElse(0);
        }
        long wall = System.nanoTime() - start;
        boolean complete = seen >= total;
        row(new LatencyStats("paging `startIndex`/`count=100`" + (complete ? ", all " : ", first ")
                + String.format(Locale.ROOT, "%,d", seen) + " users", nanos(pages), errors, wall, 1, before,
                LoadRunner.loadAverage()));
        report(byPosition("index paging walk", pages, total));
        // Pages out of sequence: 3 at each tenth of the range, half a page off the walk's page boundaries, so
        // that no page is read right after the one before it.
        List<long[]> sampled = new ArrayList<>();
        int sampleErrors = 0;
        before = LoadRunner.loadAverage();
        start = System.nanoTime();
        long sampleDeadline = System.nanoTime() + limit.toNanos();
        for (int k = 0; k <= 10 && System.nanoTime() < sampleDeadline; k++) {
            int startIndex = (int) Math.min(total - PAGE / 2, (long) total * k / 10 + PAGE / 2 + 1);
            for (int r = 0; r < 3; r++) {
                LoadRunner.Answer a = runner.send(runner.request("/Users?startIndex=" + startIndex + "&count="
                        + PAGE).GET().build());
                sampled.add(new long[] {startIndex, a.nanos()});
                if (a.status() != 200) {
                    sampleErrors++;
                }
            }
        }
        row(new LatencyStats("paging `startIndex`, out of sequence: 3 pages at each 10 % (startIndex 51, …)",
                nanos(sampled), sampleErrors, System.nanoTime() - start, 1, before, LoadRunner.loadAverage()));
        report(byPosition("index pages out of sequence", sampled, total));
    }

    /** RFC 9865 {@code cursor=} through all users, one request at a time, bounded in time. */
    private void cursorPaging(LoadRunner runner) throws IOException, InterruptedException {
        Duration limit = Duration.ofSeconds(Long.parseLong(options.getOrDefault("cursor-seconds",
                options.getOrDefault("paging-seconds", "120"))));
        long deadline = System.nanoTime() + limit.toNanos();
        List<long[]> pages = new ArrayList<>(); // {position, nanos}
        int errors = 0;
        String before = LoadRunner.loadAverage();
        long start = System.nanoTime();
        String cursor = "";
        int seen = 0;
        int total = users;
        int maxPages = users / PAGE + 10;
        while (cursor != null && pages.size() < maxPages && System.nanoTime() < deadline) {
            LoadRunner.Answer a = runner.send(runner.request("/Users?count=" + PAGE + "&cursor="
                    + LoadRunner.urlEncode(cursor)).GET().build());
            pages.add(new long[] {seen + 1, a.nanos()});
            if (a.status() != 200) {
                errors++;
                report("cursor paging answered " + a.status() + ": " + LoadRunner.abbreviate(a.body()));
                break;
            }
            total = group(TOTAL, a.body()).map(Integer::parseInt).orElse(total);
            seen += group(ITEMS, a.body()).map(Integer::parseInt).orElse(0);
            cursor = group(NEXT, a.body()).orElse(null);
        }
        long wall = System.nanoTime() - start;
        row(new LatencyStats("paging RFC 9865 `cursor`/`count=100`" + (cursor == null ? ", all " : ", first ")
                + String.format(Locale.ROOT, "%,d", seen) + " users", nanos(pages), errors, wall, 1, before,
                LoadRunner.loadAverage()));
        report(byPosition("cursor paging", pages, total));
    }

    /** Per-page latency by position in the result set, in tenths: is it flat? */
    private static String byPosition(String what, List<long[]> pages, int total) {
        StringBuilder text = new StringBuilder("\n" + what + ", per-page latency by position (tenths of "
                + String.format(Locale.ROOT, "%,d", total) + "):\n\n| tenth | pages | p50 ms | p99 ms | max ms |\n"
                + "| ---: | ---: | ---: | ---: | ---: |\n");
        for (int k = 0; k < 10; k++) {
            List<long[]> in = new ArrayList<>();
            for (long[] p : pages) {
                if (Math.min(9, (p[0] - 1) * 10 / Math.max(1, total)) == k) {
                    in.add(p);
                }
            }
            if (in.isEmpty()) {
                continue;
            }
            LatencyStats s = new LatencyStats("", nanos(in), 0, 0, 1, "", "");
            text.append(String.format(Locale.ROOT, "| %d | %d | %.2f | %.2f | %.2f |%n", k + 1, s.count(),
                    s.percentileMillis(50), s.percentileMillis(99), s.maxMillis()));
        }
        return text.toString();
    }

    private void serverHealth(ExampleServer server, String name) throws IOException {
        double peak = 0;
        int gcs = 0;
        int full = 0;
        Path gc = out.resolve("gc-" + name + ".log");
        if (Files.exists(gc)) {
            for (String line : Files.readAllLines(gc, StandardCharsets.UTF_8)) {
                Matcher m = GC.matcher(line);
                if (m.find()) {
                    gcs++;
                    peak = Math.max(peak, Double.parseDouble(m.group(1)));
                    full += line.contains("Pause Full") ? 1 : 0;
                }
            }
        }
        report(String.format(Locale.ROOT, "\nserver `%s`: alive %s, OutOfMemoryError in its log: %s, %d GCs (%d full),"
                + " peak heap before a GC %.0f MB (-Xmx%s)\n", name, server.isAlive(), server.sawOutOfMemory(), gcs,
                full, peak, options.getOrDefault("xmx", "256m")));
    }

    private static long[] nanos(List<long[]> pages) {
        return pages.stream().mapToLong(p -> p[1]).toArray();
    }

    private static java.util.Optional<String> group(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        return m.find() ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
    }

    /** Request i's user: spread over the whole store, not clustered at the start. */
    private int spread(int i) {
        return IdpScenarios.spread(i, users);
    }

    /** A create or replace body: the minimal user of issue 8's runs, or user {@code i}'s full profile. */
    private String userJson(int i, String userName) {
        if (profile == StoreLoader.Profile.FULL) {
            return FullProfile.json(FullProfile.user(i, userName, true));
        }
        return "{\"schemas\":[\"" + USER + "\"],\"userName\":\"" + userName + "\",\"name\":{\"givenName\":\"Load\","
                + "\"familyName\":\"User\"},\"emails\":[{\"value\":\"" + userName + "\",\"primary\":true,"
                + "\"type\":\"work\"}],\"externalId\":\"ext-" + userName + "\",\"active\":true}";
    }

    private void row(LatencyStats stats) throws IOException {
        report(stats.row(store));
    }

    private void report(String line) throws IOException {
        System.out.println(line);
        Files.writeString(out.resolve("results.md"), line + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static String machine() {
        String uptime;
        try {
            Process p = new ProcessBuilder("uptime").redirectErrorStream(true).start();
            uptime = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor();
        } catch (IOException e) {
            uptime = "?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            uptime = "?";
        }
        return "machine: " + Runtime.getRuntime().availableProcessors() + " CPUs, Java "
                + System.getProperty("java.version") + ", `uptime`: " + uptime;
    }
}
