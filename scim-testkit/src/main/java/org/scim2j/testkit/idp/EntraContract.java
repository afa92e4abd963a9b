package org.scim2j.testkit.idp;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;

/**
 * Every Microsoft Entra ID check in one class to extend: a host's test names its SCIM endpoint (and, if it must,
 * what it legitimately differs in), and JUnit runs {@link EntraUserChecks}, {@link EntraPatchDialectChecks},
 * {@link EntraGroupChecks} and {@link EntraSoftDeleteChecks} as nested classes.
 *
 * <pre>{@code
 *   class EntraCompatibilityTest extends EntraContract {
 *       @Override
 *       protected ScimTarget target() {
 *           return ScimTarget.bearer(System.getenv("SCIM_BASE_URL"), System.getenv("SCIM_TOKEN"));
 *       }
 *   }
 * }</pre>
 *
 * <p>{@link #target()} is called before every test. A failed check says which public Microsoft page it follows,
 * what Entra ID (or Microsoft's SCIM validator) would do, and which scim2j setting, tolerance or declaration accepts
 * it; a check that an {@link IdpOptions} declaration rules out is reported as skipped with the declaration as
 * reason. Each test deletes the users and groups it created. Sources:
 * <a href="https://learn.microsoft.com/en-us/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups">
 * Microsoft's SCIM tutorial</a>,
 * <a href="https://learn.microsoft.com/en-us/entra/identity/app-provisioning/application-provisioning-config-problem-scim-compatibility">
 * its SCIM compliance page</a> and
 * <a href="https://learn.microsoft.com/en-us/entra/identity/app-provisioning/scim-validator-tutorial">its SCIM
 * validator</a>.
 */
public abstract class EntraContract {

    /** Entra ID's checks; a subclass names the endpoint with {@link #target()}. */
    protected EntraContract() {
    }

    /** The endpoint under test and the credentials Entra ID would send; called before every test. */
    protected abstract ScimTarget target();

    /** What the host declares it differs in; {@link IdpOptions#defaults()} unless overridden. */
    protected IdpOptions options() {
        return IdpOptions.defaults();
    }

    /** Test Connection, matching lookups, create and the validator's checks on them. */
    @Nested
    @DisplayName("Entra ID users")
    class Users extends EntraUserChecks {
        @Override
        protected ScimTarget target() {
            return EntraContract.this.target();
        }

        @Override
        protected IdpOptions options() {
            return EntraContract.this.options();
        }
    }

    /** The PATCH dialect on users. */
    @Nested
    @DisplayName("Entra ID PATCH dialect")
    class PatchDialect extends EntraPatchDialectChecks {
        @Override
        protected ScimTarget target() {
            return EntraContract.this.target();
        }

        @Override
        protected IdpOptions options() {
            return EntraContract.this.options();
        }
    }

    /** Groups and membership. */
    @Nested
    @DisplayName("Entra ID groups")
    class Groups extends EntraGroupChecks {
        @Override
        protected ScimTarget target() {
            return EntraContract.this.target();
        }

        @Override
        protected IdpOptions options() {
            return EntraContract.this.options();
        }
    }

    /** Soft delete through active, and hard delete. */
    @Nested
    @DisplayName("Entra ID soft delete")
    class SoftDelete extends EntraSoftDeleteChecks {
        @Override
        protected ScimTarget target() {
            return EntraContract.this.target();
        }

        @Override
        protected IdpOptions options() {
            return EntraContract.this.options();
        }
    }
}
