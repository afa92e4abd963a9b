package org.scim2j.examples.sonar.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The example server as a separate operating-system process, as hosts run it: {@code java ... Main} with the
 * documented environment variables, on a free port.
 *
 * <p>Which bits it runs: {@code mvn verify} runs the tests before {@code package}, so the shaded jar does not exist
 * yet on a clean build, and on an incremental build {@code target/scim-example-server.jar} is the jar of an
 * <em>earlier</em> build, which may not contain the code under test. So by default the process runs
 * {@code org.scim2j.examples.sonar.Main} on this test JVM's class path (the freshly compiled classes and the same
 * dependency versions the jar shades); with {@code -Dscim.test.serverJar=scim-examples/target/scim-example-server.jar}
 * (after {@code package}) it runs {@code java -jar} on that jar instead; Failsafe sets it for {@link ShadedJarIT}.
 */
final class ServerProcess implements AutoCloseable {

    static final String JAR_PROPERTY = "scim.test.serverJar";
    private static final Pattern BASE_URL = Pattern.compile("SCIM base URL: (\\S+)");

    private final Process process;
    private final Path stderr;
    private final StringBuffer stdout;
    private final String baseUrl;
    private final String token;

    private ServerProcess(Process process, Path stderr, StringBuffer stdout, String baseUrl, String token) {
        this.process = process;
        this.stderr = stderr;
        this.stdout = stdout;
        this.baseUrl = baseUrl;
        this.token = token;
    }

    /**
     * Starts a server process over {@code database} and waits (at most 2 minutes) until it prints its base URL.
     *
     * @param dir its working directory; its stderr goes to {@code dir/server-N.err}
     */
    static ServerProcess start(TestDatabase database, String token, Path dir) throws IOException,
            InterruptedException {
        Path err = nextErrorFile(dir);
        Process process = builder(database, token, dir, err).start();
        StringBuffer printed = new StringBuffer();
        CompletableFuture<String> url = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                // Reads until the process closes stdout, so that it never blocks on a full pipe.
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    printed.append(line).append('\n');
                    Matcher m = BASE_URL.matcher(line);
                    if (m.find()) {
                        url.complete(m.group(1));
                    }
                }
            } catch (IOException e) {
                url.completeExceptionally(e);
            }
            url.completeExceptionally(new IllegalStateException("the server process ended its output without "
                    + "a base URL"));
        }, "server-process-stdout");
        reader.setDaemon(true);
        reader.start();
        try {
            String baseUrl = url.get(2, TimeUnit.MINUTES);
            return new ServerProcess(process, err, printed, baseUrl, token);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            throw new IllegalStateException("the server process did not start; stdout:\n" + printed + "\nstderr:\n"
                    + Files.readString(err), e);
        }
    }

    /** How a server process that refused to start ended. */
    record Refusal(int exitCode, String output) {
    }

    /** Runs a server process that must refuse to start, and waits (at most 2 minutes) for it to end. */
    static Refusal refusedStart(TestDatabase database, String token, Path dir) throws IOException,
            InterruptedException {
        Path err = nextErrorFile(dir);
        Path out = err.resolveSibling(err.getFileName() + ".out");
        Process process = builder(database, token, dir, err).redirectOutput(out.toFile()).start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            throw new IllegalStateException("the server process did not end within 2 minutes");
        }
        return new Refusal(process.exitValue(), Files.readString(out) + Files.readString(err));
    }

    private static Path nextErrorFile(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (int n = 1; ; n++) {
            Path candidate = dir.resolve("server-" + n + ".err");
            if (!Files.exists(candidate)) {
                return candidate;
            }
        }
    }

    private static ProcessBuilder builder(TestDatabase database, String token, Path dir, Path err) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.add("-Xmx256m");
        command.add("-XX:TieredStopAtLevel=1");
        // The level a host runs at (slf4j-simple's default); the test class path's simplelogger.properties says warn.
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=info");
        String jar = System.getProperty(JAR_PROPERTY);
        if (jar != null && !jar.isBlank()) {
            Path path = Path.of(jar).toAbsolutePath();
            if (!Files.isRegularFile(path)) {
                throw new IllegalStateException(JAR_PROPERTY + " names no file: " + path);
            }
            command.add("-jar");
            command.add(path.toString());
        } else {
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add("org.scim2j.examples.sonar.Main");
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("SCIM_"));
        env.put("SCIM_PORT", "0");
        env.put("SCIM_BIND_ADDRESS", "127.0.0.1");
        env.put("SCIM_ADMIN_TOKEN", token);
        env.put("SCIM_JDBC_URL", database.url());
        env.put("SCIM_JDBC_USER", database.user());
        env.put("SCIM_JDBC_PASSWORD", database.password());
        return builder;
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    ScimHttp client() {
        return new ScimHttp(baseUrl, token);
    }

    /** SIGTERM: the documented graceful stop. */
    void terminate() {
        process.toHandle().destroy();
    }

    /** SIGKILL: the process ends at once, whatever it was doing. */
    void kill() {
        process.toHandle().destroyForcibly();
    }

    /** Waits (at most 2 minutes) for the process to end and returns its exit code. */
    int awaitExit() throws InterruptedException {
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the server process did not end within 2 minutes");
        }
        return process.exitValue();
    }

    /** What it wrote to stdout and stderr so far (stderr is where slf4j-simple logs). */
    String output() throws IOException {
        return stdout + Files.readString(stderr, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.toHandle().destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the process was killed; the caller decides what to do next
            }
        }
    }
}
