package org.scim2j.examples.sonar.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.scim2j.core.resource.User;
import org.scim2j.core.schema.Schemas;
import org.scim2j.spi.UserRepository;
import org.scim2j.testkit.UserRepositoryContract;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The scim-testkit user contract for {@link JdbcUserRepository}, on the database {@link #newStore()} gives. */
abstract class JdbcUserRepositoryContract extends UserRepositoryContract {

    private final List<TestStore> stores = new ArrayList<>();
    private TestStore store;

    abstract TestStore newStore();

    @Override
    protected UserRepository newRepository() {
        store = newStore();
        stores.add(store);
        return new JdbcUserRepository(store.database, java.time.Clock.systemUTC(), mode());
    }

    @AfterEach
    void closeStores() throws SQLException {
        for (TestStore s : stores) {
            s.close();
        }
        stores.clear();
    }

    /** Whether the store keeps (the default) or drops what SonarQube's columns do not hold. */
    UnmappedAttributes mode() {
        return UnmappedAttributes.KEEP;
    }

    /**
     * Keeping, the store keeps every attribute. Dropping, it keeps userName, name (one column), one email (the
     * primary, else the first: not every value the kit writes), active and externalId.
     */
    @Override
    protected Set<String> unsupportedAttributes() {
        if (mode() == UnmappedAttributes.KEEP) {
            return Set.of();
        }
        return Set.of("name", "displayName", "nickName", "profileUrl", "title", "userType", "preferredLanguage",
                "locale", "timezone", "emails", "phoneNumbers", "ims", "photos",
                "addresses", "entitlements", "roles", "x509Certificates", Schemas.ENTERPRISE_USER);
    }

    @Override
    protected boolean deleteDeactivates() {
        return true;
    }

    @Override
    protected void assertDeactivated(User deleted) {
        try (Connection c = store.database.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT active FROM users WHERE login = ?")) {
            s.setString(1, deleted.userName());
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as("the host user is kept").isTrue();
                assertThat(rs.getBoolean(1)).as("active").isFalse();
            }
            c.rollback();
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
