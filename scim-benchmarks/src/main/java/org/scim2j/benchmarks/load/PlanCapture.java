package org.scim2j.benchmarks.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plans PostgreSQL ran for the example server's own statements, as {@code EXPLAIN (ANALYZE, BUFFERS)} shows
 * them: {@code auto_explain} is preloaded for every new session of one database ({@code ALTER DATABASE ... SET
 * session_preload_libraries}, with {@code log_min_duration = 0}, {@code log_analyze} and {@code log_buffers}), a
 * server started afterwards runs its queries, and the plans are read back from the PostgreSQL log with
 * {@code pg_read_file} (superuser). The SQL is exactly what the server sent, with the parameters of the first
 * executions (custom plans). {@link #close()} resets the database's settings.
 */
final class PlanCapture implements AutoCloseable {

    /** One statement's plan: how long it ran, its text and the plan's lines. */
    record Plan(double millis, String query, List<String> lines) {

        /** The plan nodes ({@code ->} lines and the top node) and buffer and JIT lines, without cost estimates. */
        List<String> summary() {
            List<String> out = new ArrayList<>();
            for (String line : lines) {
                String trimmed = line.strip();
                if (trimmed.startsWith("Query Text:")) {
                    continue;
                }
                boolean node = out.isEmpty() || trimmed.startsWith("->");
                if (node || trimmed.startsWith("Buffers:") && out.size() == 1 || trimmed.startsWith("Index Cond:")
                        || trimmed.startsWith("Recheck Cond:") || trimmed.startsWith("Filter:")
                        || trimmed.startsWith("Rows Removed by Filter:") || trimmed.startsWith("JIT:")
                        || trimmed.startsWith("Timing:")) {
                    out.add(line.replaceAll("  \\(cost=[^)]*\\)", "").replaceFirst("^\\t", ""));
                }
            }
            return out;
        }
    }

    private static final Pattern START = Pattern.compile("@(\\S+) LOG:  duration: ([0-9.]+) ms  plan:");

    private final String adminUrl;
    private final String user;
    private final String password;
    private final String db;
    private final String logFile;

    private PlanCapture(String adminUrl, String user, String password, String db, String logFile) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.db = db;
        this.logFile = logFile;
    }

    /** Turns {@code auto_explain} on for new sessions of {@code db}; {@code logFile} is the server's log. */
    static PlanCapture enable(String adminUrl, String user, String password, String db, String logFile)
            throws SQLException {
        if (!db.matches("[a-z_][a-z0-9_]{0,40}")) {
            throw new IllegalArgumentException("not a plain database name: " + db);
        }
        PlanCapture capture = new PlanCapture(adminUrl, user, password, db, logFile);
        try (Connection c = DriverManager.getConnection(adminUrl, user, password);
             Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE " + db + " SET session_preload_libraries = 'auto_explain'");
            s.execute("ALTER DATABASE " + db + " SET auto_explain.log_min_duration = 0");
            s.execute("ALTER DATABASE " + db + " SET auto_explain.log_analyze = on");
            s.execute("ALTER DATABASE " + db + " SET auto_explain.log_buffers = on");
        }
        return capture;
    }

    /** The log's current size: plans logged after this offset are read by {@link #since(long)}. */
    long offset() throws SQLException {
        try (Connection c = DriverManager.getConnection(adminUrl, user, password);
             PreparedStatement s = c.prepareStatement("SELECT size FROM pg_stat_file(?)")) {
            s.setString(1, logFile);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The plans of this database's sessions logged after {@code offset}. */
    List<Plan> since(long offset) throws SQLException {
        String text;
        try (Connection c = DriverManager.getConnection(adminUrl, user, password);
             PreparedStatement s = c.prepareStatement("SELECT pg_read_file(?, ?, (SELECT size FROM pg_stat_file(?))"
                     + " - ?)")) {
            s.setString(1, logFile);
            s.setLong(2, offset);
            s.setString(3, logFile);
            s.setLong(4, offset);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                text = rs.getString(1);
            }
        }
        List<Plan> plans = new ArrayList<>();
        List<String> lines = null;
        double millis = 0;
        for (String line : text.split("\n")) {
            Matcher m = START.matcher(line);
            if (m.find()) {
                add(plans, millis, lines);
                // the log line prefix is Debian's '%m [%p] %q%u@%d ': only this database's sessions
                lines = m.group(1).equals(db) ? new ArrayList<>() : null;
                millis = Double.parseDouble(m.group(2));
            } else if (lines != null && line.startsWith("\t")) {
                lines.add(line);
            } else {
                add(plans, millis, lines);
                lines = null;
            }
        }
        add(plans, millis, lines);
        return plans;
    }

    private static void add(List<Plan> plans, double millis, List<String> lines) {
        if (lines == null || lines.isEmpty()) {
            return;
        }
        String query = lines.get(0).strip().replaceFirst("^Query Text: ", "");
        plans.add(new Plan(millis, query, List.copyOf(lines.subList(1, lines.size()))));
        lines.clear();
    }

    /** Resets the database's settings made by {@link #enable}. */
    @Override
    public void close() throws SQLException {
        try (Connection c = DriverManager.getConnection(adminUrl, user, password);
             Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE " + db + " RESET session_preload_libraries");
            s.execute("ALTER DATABASE " + db + " RESET auto_explain.log_min_duration");
            s.execute("ALTER DATABASE " + db + " RESET auto_explain.log_analyze");
            s.execute("ALTER DATABASE " + db + " RESET auto_explain.log_buffers");
        }
    }
}
