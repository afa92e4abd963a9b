package org.scim2j.testkit.idp;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;

/**
 * Every Okta check in one class to extend: a host's test names its SCIM endpoint (and, if it must, what it
 * legitimately differs in), and JUnit runs {@link OktaUserChecks}, {@link OktaDeactivationChecks},
 * {@link OktaGroupChecks} and {@link OktaPagingChecks} as nested classes.
 *
 * <pre>{@code
 *   class OktaCompatibilityTest extends OktaContract {
 *       @Override
 *       protected ScimTarget target() {
 *           return ScimTarget.bearer(System.getenv("SCIM_BASE_URL"), System.getenv("SCIM_TOKEN"));
 *       }
 *   }
 * }</pre>
 *
 * <p>{@link #target()} is called before every test, so a host that starts its application in-process (in a static
 * {@code @BeforeAll}) returns its URL there. A failed check says which step of which public Okta page it follows,
 * what Okta would do, and which scim2j setting, tolerance or declaration accepts it; a check that an
 * {@link IdpOptions} declaration rules out is reported as skipped with the declaration as reason. Each test deletes
 * the users and groups it created. Sources:
 * <a href="https://developer.okta.com/docs/api/openapi/okta-scim/guides/scim-20">Okta's SCIM 2.0 protocol
 * reference</a> and
 * <a href="https://developer.okta.com/docs/guides/scim-provisioning-integration-prepare/main/">its SCIM spec
 * test</a>.
 */
public abstract class OktaContract {

    /** Okta's checks; a subclass names the endpoint with {@link #target()}. */
    protected OktaContract() {
    }

    /** The endpoint under test and the credentials Okta would send; called before every test. */
    protected abstract ScimTarget target();

    /** What the host declares it differs in; {@link IdpOptions#defaults()} unless overridden. */
    protected IdpOptions options() {
        return IdpOptions.defaults();
    }

    /** The user steps of Okta's spec and CRUD tests. */
    @Nested
    @DisplayName("Okta users")
    class Users extends OktaUserChecks {
        @Override
        protected ScimTarget target() {
            return OktaContract.this.target();
        }

        @Override
        protected IdpOptions options() {
            return OktaContract.this.options();
        }
    }

    /** Profile updates, deactivation and reactivation by PUT (AIW apps) and PATCH (OIN apps). */
    @Nested
    @DisplayName("Okta deactivation")
    class Deactivation extends OktaDeactivationChecks {
        @Override
        protected ScimTarget target() {
            return OktaContract.this.target();
        }

        @Override
        protected IdpOptions options() {
            return OktaContract.this.options();
        }
    }

    /** Push Groups. */
    @Nested
    @DisplayName("Okta groups")
    class Groups extends OktaGroupChecks {
        @Override
        protected ScimTarget target() {
            return OktaContract.this.target();
        }

        @Override
        protected IdpOptions options() {
            return OktaContract.this.options();
        }
    }

    /** Import paging. */
    @Nested
    @DisplayName("Okta import")
    class Paging extends OktaPagingChecks {
        @Override
        protected ScimTarget target() {
            return OktaContract.this.target();
        }

        @Override
        protected IdpOptions options() {
            return OktaContract.this.options();
        }
    }
}
