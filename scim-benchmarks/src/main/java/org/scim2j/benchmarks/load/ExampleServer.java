package org.scim2j.benchmarks.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
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

/**
 * The example server ({@code scim-example-server.jar}) as a separate process on a free loopback port: started with
 * the given heap and JVM options and environment, stopped with SIGTERM. Its stdout and stderr (one line per
 * request) go to files in the output directory.
 */
public final class ExampleServer implements AutoCloseable {

    private final Process process;
    private final URI baseUrl;
    private final Path log;

    private ExampleServer(Process process, URI baseUrl, Path log) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.log = log;
    }

    /**
     * Starts the jar and waits (at most 15 minutes: the migrations of a large kept store can take minutes) until it
     * prints {@code SCIM base URL: ...}.
     *
     * @param jvmOptions e.g. {@code -Xmx256m}, {@code -Xlog:gc:file=...}
     * @param env        {@code SCIM_*} variables; {@code SCIM_PORT=0} and loopback binding are forced
     */
    public static ExampleServer start(Path jar, List<String> jvmOptions, Map<String, String> env, Path outDir,
                                      String name) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        builder.environment().put("SCIM_PORT", "0");
        builder.environment().put("SCIM_BIND_ADDRESS", "127.0.0.1");
        Path stdout = outDir.resolve(name + ".out");
        Path stderr = outDir.resolve(name + ".err");
        builder.redirectError(stderr.toFile());
        Process process = builder.start();
        CompletableFuture<URI> url = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8)); var copy = Files.newBufferedWriter(stdout)) {
                String line;
                while ((line = in.readLine()) != null) {
                    copy.write(line);
                    copy.newLine();
                    copy.flush();
                    if (line.startsWith("SCIM base URL: ")) {
                        url.complete(URI.create(line.substring("SCIM base URL: ".length()).trim()));
                    }
                }
            } catch (IOException e) {
                url.completeExceptionally(e);
            }
            url.completeExceptionally(new IOException("the server ended without printing its URL; see " + stderr));
        }, name + "-stdout");
        reader.setDaemon(true);
        reader.start();
        try {
            return new ExampleServer(process, url.get(15, TimeUnit.MINUTES), stderr);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new IOException("the server did not start: " + e.getMessage() + "; see " + stderr, e);
        }
    }

    /** The printed base URL. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** The process id, e.g. for {@code jcmd}. */
    public long pid() {
        return process.pid();
    }

    /**
     * The CPU time the server process has used (user and system, from {@code /proc/<pid>/stat}, in clock ticks of
     * 10 ms), in nanoseconds; -1 where there is no {@code /proc}.
     */
    public long cpuNanos() {
        try {
            String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
            // the command may hold spaces: fields count from the ')' that ends it
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Whether the process still runs. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Whether the server's stderr mentions an {@code OutOfMemoryError}. */
    public boolean sawOutOfMemory() throws IOException {
        try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.anyMatch(l -> l.contains("OutOfMemoryError"));
        } catch (java.io.UncheckedIOException e) {
            return false;
        }
    }

    /** SIGTERM, then at most 30 s for a graceful stop, then SIGKILL (at once if this thread is interrupted). */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
