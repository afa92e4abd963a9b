package org.scim2j.examples.sonar;

/**
 * {@code java -jar scim-example-server.jar}: reads the environment ({@link ServerConfig#fromEnvironment}), starts
 * the server and stops it gracefully on SIGTERM (or Ctrl-C).
 */
public final class Main {

    private Main() {
    }

    /** Starts the server; exits with 2 on a configuration error, 1 if it cannot start. */
    public static void main(String[] args) throws InterruptedException {
        ServerConfig config;
        try {
            config = ServerConfig.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("configuration error: " + e.getMessage());
            System.exit(2);
            return;
        }
        SonarScimServer server;
        try {
            server = SonarScimServer.start(config, System.out);
        } catch (Exception e) {
            System.err.println("cannot start: " + e);
            e.printStackTrace();
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "scim-shutdown"));
        server.join();
    }
}
