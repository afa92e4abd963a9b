package org.scim2j.examples.sonar.store;

import org.scim2j.core.error.ScimException;
import org.scim2j.core.error.ScimType;
import org.scim2j.core.resource.User;
import org.scim2j.spi.Page;
import org.scim2j.spi.SearchRequest;
import org.scim2j.spi.sql.SqlCondition;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import static org.scim2j.examples.sonar.store.UserRow.COLUMNS;
import static org.scim2j.examples.sonar.store.UserRow.FROM;

/**
 * The pages of a {@code /Users} search, given its SQL condition: index pages ({@code startIndex}) and RFC 9865
 * cursor pages, each in one {@link BoundedSearch}.
 *
 * <p>Results come ordered by SCIM id ({@code scim_users.scim_uuid}, its primary key), so index paging is stable and
 * a page's position is an index position: which users are SCIM users and where a page starts live in one index.
 * (Ordered by {@code LOWER(login)}, a deep {@code OFFSET} has to join every skipped row to find out whether it is
 * linked: 1.3 s to 3.7 s at {@code startIndex} 500,000–900,000 of 1,000,000 users on PostgreSQL, against 30–60 ms
 * in id order; see BENCHMARKS.md.)
 *
 * <p>An index page without a filter reads its ids from that index alone ({@code OFFSET} on an index-only scan of
 * {@code scim_users}) and joins {@code users} for those ids only. A filtered page joins every row it skips, so a
 * deep filtered page costs more; identity providers filter for one user.
 *
 * <p>Index paging in the default order, as Okta imports ({@code startIndex=1&count=100}, then {@code 101}, …), is
 * not read with {@code OFFSET}, whose cost grows with {@code startIndex}, when it need not be: a served page
 * remembers its last SCIM id and total, and a request for the {@code startIndex} right after it reads
 * {@code scim_uuid > ?} in index order instead, and repeats the total, as long as the repository has finished
 * no write since (every create, replace and delete starts a new generation: {@link #wrote}). Such a page is the
 * page {@code OFFSET} would read, provided the repository is the only writer of the SCIM users; a change made
 * around it (by the host, or another server on the same database) shows as if it had been made after that page.
 * Any other request, or one after a write, uses {@code OFFSET} and counts.
 *
 * <p>RFC 9865 cursor paging is keyset paging on the SCIM id: a cursor names the last id of its page, and the next
 * page is {@code scim_uuid > ?} in index order, so every page costs the same however deep it is. Users created or
 * deleted during a walk are seen or not by their id's place, never twice. {@code totalResults} is counted on the
 * first page and carried in the cursor: later pages report that count instead of counting the whole table again.
 * Cursor pages cannot be sorted otherwise.
 */
final class UserPages {

    /** The default order: by SCIM id. */
    static final String ORDER = " ORDER BY s.scim_uuid";
    /** The condition of a search without a filter. */
    static final String NO_FILTER = "1=1";
    /** The most matches a filtered page on PostgreSQL reads whole before cutting the page ({@link #pageSql}). */
    static final int FILTER_FIRST_MAX = 1_000;

    private static final int MAX_CONTINUATIONS = 256;
    /** A reference to the {@code users} alias in translated SQL (values are bound, never in the text). */
    private static final Pattern USERS_ALIAS = Pattern.compile("\\bu\\.");

    private final Database database;
    private final SearchTimeout searchTimeout;
    private final StoredUsers stored;
    /** Counts finished writes; a continuation is used only in the generation it was recorded in. */
    private final AtomicLong writes = new AtomicLong();
    private final Map<Continuation, Resume> continuations = new ConcurrentHashMap<>();

    UserPages(Database database, SearchTimeout searchTimeout, StoredUsers stored) {
        this.database = database;
        this.searchTimeout = searchTimeout;
        this.stored = stored;
    }

    /**
     * Ends the write generation: index pages are no longer continued from where earlier pages ended, as positions
     * may have changed. The repository calls it after every write, committed or not.
     */
    void wrote() {
        writes.incrementAndGet();
    }

    /**
     * An index page ({@code startIndex}, {@code count}).
     *
     * @param order the {@code ORDER BY} clause: {@link #ORDER} unless the request has a {@code sortBy}
     */
    Page<User> indexPage(SearchRequest request, SqlCondition where, String order, boolean withGroups) {
        // Index pages in the default order continue from where the page before ended, if nothing was written since.
        long generation = writes.get();
        Continuation continuation = request.sortBy() == null
                ? new Continuation(where.sql(), where.parameters(), request.startIndex(), generation) : null;
        Resume resume = continuation == null ? null : continuations.get(continuation);
        return BoundedSearch.run(database, searchTimeout, search -> {
            int total = resume != null ? resume.total() : search.count(countSql(where), where.parameters());
            if (request.count() == 0 || request.startIndex() > total) {
                return Page.of(List.of(), total);
            }
            List<Object> parameters = new ArrayList<>(where.parameters());
            String sql;
            if (resume != null) {
                parameters.add(resume.lastId());
                parameters.add(request.count());
                sql = keysetSql(where, true);
            } else if (request.sortBy() == null && isNoFilter(where)) {
                // The page's ids from the index of scim_users alone, then their rows (a "deferred join").
                parameters.add(request.startIndex() - 1);
                parameters.add(request.count());
                sql = "SELECT " + COLUMNS + " FROM (SELECT scim_uuid FROM scim_users ORDER BY scim_uuid"
                        + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY) k JOIN scim_users s ON s.scim_uuid = k.scim_uuid"
                        + " JOIN users u ON u.uuid = s.user_uuid" + ORDER;
            } else {
                parameters.add(request.startIndex() - 1);
                parameters.add(request.count());
                sql = pageSql(where, request.sortBy() == null ? null : order,
                        database.vendor() == Database.Vendor.POSTGRESQL && total <= FILTER_FIRST_MAX);
            }
            List<UserRow> rows = search.rows(sql, parameters, UserRow::of);
            if (continuation != null && !rows.isEmpty()) {
                remember(new Continuation(where.sql(), where.parameters(), request.startIndex() + rows.size(),
                        generation), new Resume(rows.get(rows.size() - 1).scimId(), total));
            }
            List<User> users = stored.users(search.connection(), rows, withGroups);
            return Page.of(users, Math.max(total, users.size()));
        });
    }

    /** RFC 9865: the users after the cursor's SCIM id, in id order (see the class comment). */
    Page<User> cursorPage(SearchRequest request, SqlCondition where, boolean withGroups) {
        if (request.sortBy() != null) {
            throw ScimException.invalidValue("sortBy cannot be combined with cursor paging on /Users: cursor pages "
                    + "come ordered by id");
        }
        Cursor after = Cursor.decode(request.cursor());
        return BoundedSearch.run(database, searchTimeout, search -> {
            int total = after == null ? search.count(countSql(where), where.parameters()) : after.total();
            if (request.count() == 0) {
                return Page.of(List.<User>of(), total);
            }
            List<Object> parameters = new ArrayList<>(where.parameters());
            if (after != null) {
                parameters.add(after.lastId());
            }
            parameters.add(request.count() + 1);
            // One row more than the page says there is a next page.
            List<UserRow> rows = search.rows(keysetSql(where, after != null), parameters, UserRow::of);
            boolean more = rows.size() > request.count();
            List<UserRow> page = more ? rows.subList(0, request.count()) : rows;
            String lastId = more ? page.get(page.size() - 1).scimId() : null;
            List<User> users = stored.users(search.connection(), page, withGroups);
            int seen = Math.max(total, users.size());
            return new Page<>(users, seen, lastId == null ? null : new Cursor(seen, lastId).encode(), null);
        });
    }

    /**
     * A keyset page in id order: {@code where}'s parameters, then (if {@code after}) the SCIM id the page starts
     * after, then the count.
     */
    private static String keysetSql(SqlCondition where, boolean after) {
        return "SELECT " + COLUMNS + FROM + " WHERE (" + where.sql() + ")" + (after ? " AND s.scim_uuid > ?" : "")
                + ORDER + " FETCH FIRST ? ROWS ONLY";
    }

    /**
     * Where the next index page of a query starts: a query (filter SQL and parameters), the {@code startIndex}
     * after a page that was served, and the write generation it was served in.
     */
    private record Continuation(String where, List<Object> parameters, int startIndex, long generation) {
    }

    /** The SCIM id that ended the page before, and the total it was served with. */
    private record Resume(String lastId, int total) {
    }

    private void remember(Continuation next, Resume resume) {
        if (continuations.size() >= MAX_CONTINUATIONS) {
            continuations.clear();
        }
        continuations.put(next, resume);
    }

    /**
     * An RFC 9865 cursor: the SCIM id of the last user of the page before, and the total counted on the first
     * page; opaque to clients (base64url). ("k1" cursors, keyed on the login, are no longer issued or accepted.)
     */
    private record Cursor(int total, String lastId) {

        private static final String VERSION = "k2";

        String encode() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString((VERSION + ":" + total + ":" + lastId)
                    .getBytes(StandardCharsets.UTF_8));
        }

        /** {@code null} for the first page ({@code ""}). */
        static Cursor decode(String text) {
            if (text.isEmpty()) {
                return null;
            }
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8)
                        .split(":", 3);
                // an id with a NUL names no user; PostgreSQL would fail the query on it (see Rows#hasNul)
                if (parts.length == 3 && parts[0].equals(VERSION) && !Rows.hasNul(parts[2])) {
                    int total = Integer.parseInt(parts[1]);
                    if (total >= 0) {
                        return new Cursor(total, parts[2]);
                    }
                }
            } catch (IllegalArgumentException e) {
                // not base64url, or not a number: the same answer as any other foreign cursor
            }
            throw ScimException.badRequest(ScimType.INVALID_CURSOR, "the cursor was not issued by this server");
        }
    }

    /**
     * A filtered or sorted index page: {@code where}'s parameters, then the offset and the count. In the default
     * order ({@code order} {@code null}) by SCIM id.
     *
     * <p>{@code filterFirst} (PostgreSQL, default order, when the count found at most {@link #FILTER_FIRST_MAX}
     * matches): the ids of the matches are selected first, in a materialised CTE, the page is cut from them, and
     * only the page's users are joined. Otherwise PostgreSQL may serve {@code ORDER BY s.scim_uuid ... FETCH NEXT 1}
     * by walking the primary key in order and testing every user's document until enough match, because it expects
     * matches to be near: for a name pair that 410 of 1,000,000 users share, about 2,500 documents read from TOAST
     * per lookup (40-70 ms at p50), where the index finds the 410 in a few ms. With few matches the walk cannot be
     * cheaper than reading them; with many, it is. The page is cut before the join with {@code users} because the
     * planner's estimate of the matches can be far off (5,740 for one e-mail value: it then merge-joined the whole
     * primary key, 2 s).
     */
    static String pageSql(SqlCondition where, String order, boolean filterFirst) {
        String orderBy = order == null ? ORDER : order;
        if (!filterFirst || order != null) {
            return "SELECT " + COLUMNS + FROM + " WHERE " + where.sql() + orderBy
                    + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY";
        }
        String matches = USERS_ALIAS.matcher(where.sql()).find() ? FROM : " FROM scim_users s";
        return "WITH m AS MATERIALIZED (SELECT s.scim_uuid" + matches + " WHERE " + where.sql() + ") SELECT "
                + COLUMNS + " FROM (SELECT scim_uuid FROM m ORDER BY scim_uuid OFFSET ? ROWS FETCH NEXT ? ROWS ONLY) k"
                + " JOIN scim_users s ON s.scim_uuid = k.scim_uuid JOIN users u ON u.uuid = s.user_uuid" + ORDER;
    }

    /**
     * How many SCIM users match. Every {@code scim_users} row has its {@code users} row (a foreign key), so a
     * filter that names no {@code users} column needs no join: without a filter the count is an index-only scan
     * of {@code scim_users} (on PostgreSQL with 1,000,000 users about a sixth of the join's time), and a filter on
     * the document alone is counted on {@code scim_users} (50,000 matches of {@code title eq}: 369 ms instead of
     * 1,751 ms with one {@code pk_users} probe per match; BENCHMARKS.md, issue 12).
     */
    static String countSql(SqlCondition where) {
        if (isNoFilter(where)) {
            return "SELECT COUNT(*) FROM scim_users";
        }
        return USERS_ALIAS.matcher(where.sql()).find() ? "SELECT COUNT(*)" + FROM + " WHERE " + where.sql()
                : "SELECT COUNT(*) FROM scim_users s WHERE " + where.sql();
    }

    private static boolean isNoFilter(SqlCondition where) {
        return where.parameters().isEmpty() && where.sql().equals(NO_FILTER);
    }
}
