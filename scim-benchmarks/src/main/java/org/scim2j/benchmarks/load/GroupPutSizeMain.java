package org.scim2j.benchmarks.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * How a whole-group write scales with the group's size on the example server (issue 13, finding 4): Okta's
 * app-integration-wizard apps push every membership change as a {@code PUT /Groups/{id}} of the whole member list
 * (IDP-TRAFFIC §1.2), and a PATCH that the service cannot turn into a membership delta is applied to the whole
 * group and written back with {@code replace}. For each size N, on PostgreSQL, a group of N members (users 0..N-1)
 * gets, one request at a time, timed from the client:
 * <ul>
 *   <li>{@code put-half}: a PUT whose members are users N/2..3N/2-1 (half removed, half added);</li>
 *   <li>{@code put-same}: the same PUT again (nothing changes);</li>
 *   <li>{@code patch-whole}: {@code remove members[display eq "<login of a member>"]}, which is not a delta, so
 *       the group is read, patched and replaced whole.</li>
 * </ul>
 * A body over the server's limit is answered 413 (1 MiB by default: about 21,800 members).
 *
 * <pre>
 *   java -cp scim-benchmarks/target/benchmarks.jar org.scim2j.benchmarks.load.GroupPutSizeMain \
 *       --sizes 1000,10000,20000,50000 --env SCIM_MAX_PAYLOAD_BYTES=8388608
 * </pre>
 *
 * Options: {@code --jar} [scim-examples/target/scim-example-server.jar], {@code --sizes} [1000,10000,20000],
 * {@code --xmx} [512m], {@code --env} NAME=VALUE,... for the server, {@code --jdbc-admin}
 * [jdbc:postgresql://127.0.0.1:5432/postgres], {@code --db} [scim_group_put], {@code --db-user} [postgres].
 */
public final class GroupPutSizeMain {

    private static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
    private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    private GroupPutSizeMain() {
    }

    /** Runs the measurement; see the class comment for the options. */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int[] sizes = Arrays.stream(options.getOrDefault("sizes", "1000,10000,20000").split(","))
                .mapToInt(s -> Integer.parseInt(s.trim())).toArray();
        String adminUrl = options.getOrDefault("jdbc-admin", "jdbc:postgresql://127.0.0.1:5432/postgres");
        String db = options.getOrDefault("db", "scim_group_put");
        String dbUser = options.getOrDefault("db-user", "postgres");
        String url = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + db;
        Path jar = Path.of(options.getOrDefault("jar", "scim-examples/target/scim-example-server.jar"));
        Path out = Files.createDirectories(Path.of("scim-benchmarks/target/group-put"));
        String token = "load-" + UUID.randomUUID();
        Map<String, String> env = new HashMap<>();
        env.put("SCIM_JDBC_URL", url);
        env.put("SCIM_JDBC_USER", dbUser);
        env.put("SCIM_JDBC_PASSWORD", "");
        env.put("SCIM_ADMIN_TOKEN", token);
        for (String pair : options.getOrDefault("env", "").split(",")) {
            if (pair.contains("=")) {
                env.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
        }
        int maxSize = Arrays.stream(sizes).max().orElse(0);
        System.out.println("| members | body (KiB) | put-half | put-same | patch-whole |");
        System.out.println("|---:|---:|---:|---:|---:|");
        StoreLoader.recreateDatabase(adminUrl, dbUser, "", db);
        try (ExampleServer server = ExampleServer.start(jar, List.of("-Xmx" + options.getOrDefault("xmx", "512m")),
                env, out, "group-put")) {
            StoreLoader.load(url + "?reWriteBatchedInserts=true", dbUser, "", maxSize * 2, sizes);
            LoadRunner runner = new LoadRunner(server.baseUrl(), token);
            for (int size : sizes) {
                String path = "/Groups/" + StoreLoader.groupScimId(size);
                String body = put(size, size / 2);
                String half = time(runner, runner.json("PUT", path, body));
                String same = time(runner, runner.json("PUT", path, body));
                String patch = time(runner, runner.json("PATCH", path, "{\"schemas\":[\"" + PATCH_OP + "\"],"
                        + "\"Operations\":[{\"op\":\"remove\",\"path\":\"members[display eq \\\""
                        + StoreLoader.login(size / 2) + "\\\"]\"}]}"));
                System.out.printf(Locale.ROOT, "| %,d | %,d | %s | %s | %s |%n", size, body.length() / 1024, half,
                        same, patch);
            }
        } finally {
            StoreLoader.dropDatabase(adminUrl, dbUser, "", db);
        }
    }

    /** A PUT of the group of {@code size} with members {@code from..from+size-1}, as Okta sends it. */
    private static String put(int size, int from) {
        List<String> members = new ArrayList<>(size);
        for (int i = from; i < from + size; i++) {
            members.add("{\"value\":\"" + StoreLoader.scimId(i) + "\",\"display\":\"" + StoreLoader.login(i) + "\"}");
        }
        return "{\"schemas\":[\"" + GROUP + "\"],\"displayName\":\"load-group-" + size + "\",\"members\":["
                + String.join(",", members) + "]}";
    }

    private static String time(LoadRunner runner, java.net.http.HttpRequest request) throws Exception {
        LoadRunner.Answer answer;
        try {
            answer = runner.send(request);
        } catch (java.io.IOException e) {
            // a body over four times the limit is refused unread: the server answers 413 and closes
            return "refused unread";
        }
        String ms = String.format(Locale.ROOT, "%,.0f ms", answer.nanos() / 1e6);
        return answer.status() / 100 == 2 ? ms : answer.status() + " (" + ms + ")";
    }
}
