package org.scim2j.benchmarks.load;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * Creates and drops the load-test database on PostgreSQL, and bulk-loads users and groups into the example
 * server's tables with JDBC batch inserts, in the shape its repositories write (version 1, {@code created_at} and
 * {@code updated_at} in epoch milliseconds, {@code external_identity_provider = 'saml'}, one {@code scim_users}
 * link per user). Ids are derived from the index, so the load generator can name any loaded user without keeping
 * a list: user {@code i} has login {@link #login(int)} and SCIM id {@link #scimId(int)}.
 */
public final class StoreLoader {

    private static final int BATCH = 5_000;

    private StoreLoader() {
    }

    /** {@code user0000042@load.example.com}: logins sort as their index. */
    public static String login(int i) {
        return String.format(Locale.ROOT, "user%07d@load.example.com", i);
    }

    /** The SCIM id of loaded user {@code i}. */
    public static String scimId(int i) {
        return uuid("scim-user-" + i);
    }

    /** The host uuid of loaded user {@code i}. */
    public static String hostId(int i) {
        return uuid("host-user-" + i);
    }

    /** The SCIM id of the loaded group with {@code size} members. */
    public static String groupScimId(int size) {
        return uuid("scim-group-" + size);
    }

    /** The host uuid of the loaded group with {@code size} members. */
    public static String groupHostId(int size) {
        return uuid("host-group-" + size);
    }

    private static String uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Drops (if there) and creates database {@code name}, through the server's maintenance database. */
    public static void recreateDatabase(String adminUrl, String user, String password, String name)
            throws SQLException {
        requireIdentifier(name);
        try (Connection c = DriverManager.getConnection(adminUrl, user, password);
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + name);
        }
    }

    /** Drops database {@code name} if it is there. */
    public static void dropDatabase(String adminUrl, String user, String password, String name) throws SQLException {
        requireIdentifier(name);
        try (Connection c = DriverManager.getConnection(adminUrl, user, password);
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    private static void requireIdentifier(String name) {
        if (!name.matches("[a-z_][a-z0-9_]{0,40}")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
    }

    /** What a loaded user carries. */
    public enum Profile {
        /** The {@code users} columns only (login, one name, one email, externalId), no document: issue 8's runs. */
        MINIMAL,
        /**
         * A full RFC 7643 §8.2 User with the Enterprise extension ({@link FullProfile}): the columns as the example
         * writes them and the {@code scim_users.attributes} document.
         */
        FULL
    }

    /** {@link #load(String, String, String, int, int[], Profile)} with {@link Profile#MINIMAL} users. */
    public static void load(String url, String user, String password, int users, int[] groupSizes)
            throws SQLException {
        load(url, user, password, users, groupSizes, Profile.MINIMAL);
    }

    /**
     * Inserts users {@code 0..users-1} and, for each group size, a group whose members are users
     * {@code 0..size-1}; then {@code VACUUM ANALYZE}s the tables. The schema must already be migrated (start the
     * server on the database once).
     */
    public static void load(String url, String user, String password, int users, int[] groupSizes, Profile profile)
            throws SQLException {
        long now = System.currentTimeMillis();
        boolean full = profile == Profile.FULL;
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.setAutoCommit(false);
            try (PreparedStatement u = c.prepareStatement("INSERT INTO users (uuid, login, name, email, active,"
                    + " external_id, external_login, external_identity_provider, version, created_at, updated_at)"
                    + " VALUES (?, ?, ?, ?, TRUE, ?, ?, 'saml', 1, ?, ?)");
                 PreparedStatement s = c.prepareStatement(full
                         ? "INSERT INTO scim_users (scim_uuid, user_uuid, attributes) VALUES (?, ?, CAST(? AS JSONB))"
                         : "INSERT INTO scim_users (scim_uuid, user_uuid) VALUES (?, ?)")) {
                for (int i = 0; i < users; i++) {
                    String login = login(i);
                    FullProfile.Row row = full ? FullProfile.row(FullProfile.user(i)) : null;
                    u.setString(1, hostId(i));
                    u.setString(2, login);
                    u.setString(3, full ? row.name() : String.format(Locale.ROOT, "Load User%07d", i));
                    u.setString(4, full ? row.email() : login);
                    u.setString(5, FullProfile.externalId(i));
                    u.setString(6, login);
                    u.setLong(7, now);
                    u.setLong(8, now);
                    u.addBatch();
                    s.setString(1, scimId(i));
                    s.setString(2, hostId(i));
                    if (full) {
                        s.setString(3, row.document());
                    }
                    s.addBatch();
                    if ((i + 1) % BATCH == 0 || i == users - 1) {
                        u.executeBatch();
                        s.executeBatch();
                        c.commit();
                    }
                }
            }
            for (int size : groupSizes) {
                if (size > users) {
                    throw new IllegalArgumentException("group of " + size + " > " + users + " users");
                }
                try (PreparedStatement g = c.prepareStatement("INSERT INTO groups (uuid, name, version, created_at,"
                        + " updated_at) VALUES (?, ?, 1, ?, ?)");
                     PreparedStatement sg = c.prepareStatement(
                             "INSERT INTO scim_groups (scim_uuid, group_uuid, external_id) VALUES (?, ?, NULL)");
                     PreparedStatement gu = c.prepareStatement(
                             "INSERT INTO groups_users (group_uuid, user_uuid) VALUES (?, ?)")) {
                    g.setString(1, groupHostId(size));
                    g.setString(2, "load-group-" + size);
                    g.setLong(3, now);
                    g.setLong(4, now);
                    g.executeUpdate();
                    sg.setString(1, groupScimId(size));
                    sg.setString(2, groupHostId(size));
                    sg.executeUpdate();
                    for (int i = 0; i < size; i++) {
                        gu.setString(1, groupHostId(size));
                        gu.setString(2, hostId(i));
                        gu.addBatch();
                        if ((i + 1) % BATCH == 0 || i == size - 1) {
                            gu.executeBatch();
                        }
                    }
                }
                c.commit();
            }
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                for (String table : new String[] {"users", "scim_users", "groups", "scim_groups", "groups_users"}) {
                    s.execute("VACUUM ANALYZE " + table);
                }
            }
        }
    }

    /** The display name of lookup group {@code k} ({@link #loadLookupGroups}): unique. */
    public static String lookupGroupName(int k) {
        return "lookup-group-" + k;
    }

    /** The {@code externalId} of lookup group {@code k}: unique. */
    public static String lookupGroupExternalId(int k) {
        return "gext-" + k;
    }

    /**
     * Makes groups {@code 0..count-1} of {@link #lookupGroupName} exist, without members, each with its
     * {@link #lookupGroupExternalId} (inserting the missing ones, so that a kept store can be given more), for the
     * group lookups identity providers make; then {@code ANALYZE}s the group tables.
     *
     * @return how many groups were inserted
     */
    public static int loadLookupGroups(String url, String user, String password, int count) throws SQLException {
        long now = System.currentTimeMillis();
        int inserted;
        try (Connection c = DriverManager.getConnection(url, user, password);
             Statement s = c.createStatement()) {
            try (PreparedStatement g = c.prepareStatement("INSERT INTO groups (uuid, name, version, created_at,"
                    + " updated_at) SELECT 'host-lookup-group-' || k, 'lookup-group-' || k, 1, ?, ?"
                    + " FROM generate_series(0, ? - 1) AS k ON CONFLICT DO NOTHING")) {
                g.setLong(1, now);
                g.setLong(2, now);
                g.setInt(3, count);
                inserted = g.executeUpdate();
            }
            s.executeUpdate("INSERT INTO scim_groups (scim_uuid, group_uuid, external_id)"
                    + " SELECT 'scim-lookup-group-' || substr(g.uuid, 19), g.uuid, 'gext-' || substr(g.uuid, 19)"
                    + " FROM groups g WHERE g.uuid LIKE 'host-lookup-group-%' ON CONFLICT DO NOTHING");
            s.execute("ANALYZE groups");
            s.execute("ANALYZE scim_groups");
        }
        return inserted;
    }

    /** Removes the members a scenario added to a loaded group (all but users {@code 0..size-1}). */
    public static int resetGroup(String url, String user, String password, int size) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password);
             PreparedStatement s = c.prepareStatement("DELETE FROM groups_users gu USING users u"
                     + " WHERE gu.group_uuid = ? AND u.uuid = gu.user_uuid AND u.login >= ?")) {
            s.setString(1, groupHostId(size));
            s.setString(2, login(size));
            return s.executeUpdate();
        }
    }
}
