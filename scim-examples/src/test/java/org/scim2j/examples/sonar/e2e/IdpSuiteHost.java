package org.scim2j.examples.sonar.e2e;

import org.scim2j.examples.sonar.ServerConfig;
import org.scim2j.examples.sonar.store.UnmappedAttributes;
import org.scim2j.examples.sonar.reliability.TestDatabase;
import org.scim2j.testkit.idp.IdpOptions;
import org.scim2j.testkit.idp.ScimTarget;

import java.time.Duration;

/**
 * The example server as the identity-provider suites of scim-testkit see it: started once per suite class over a
 * fresh database, reached with the token as SonarQube documents it for each identity provider, and the declarations
 * of what it legitimately differs in.
 */
final class IdpSuiteHost implements AutoCloseable {

    /** What {@code SCIM_UNMAPPED_ATTRIBUTES=drop} does not keep: only SonarQube's columns remain (HostSchemas). */
    static final String[] DROPPED = {"externalId", "displayName", "nickName", "title", "locale", "name.givenName",
            "name.familyName", "emails.display", "addresses", "phoneNumbers",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"};

    private final TestDatabase database;
    private final RunningServer server;
    private final UnmappedAttributes mode;

    IdpSuiteHost(TestDatabase database, UnmappedAttributes mode) throws Exception {
        this.database = database;
        this.mode = mode;
        try {
            server = new RunningServer(new ServerConfig("127.0.0.1", 0, RunningServer.TOKEN, database.url(),
                    database.user(), database.password(), true, Duration.ofSeconds(5))
                    .withUnmappedAttributes(mode));
        } catch (Exception | Error e) {
            database.close();
            throw e;
        }
    }

    /** Okta: Basic with the token as user name and an empty password (SonarQube 9.9's Okta set-up). */
    ScimTarget okta() {
        return ScimTarget.basic(server.baseUrl, RunningServer.TOKEN, "");
    }

    /** Entra ID: the token as "Secret Token", sent as a bearer token. */
    ScimTarget entra() {
        return ScimTarget.bearer(server.baseUrl, RunningServer.TOKEN);
    }

    /**
     * The example's declarations: group PATCH answers 204 ({@code SCIM_PATCH_NO_CONTENT} defaults to {@code Group}),
     * and in drop mode the attributes SonarQube has no column for are not kept.
     */
    IdpOptions options() {
        IdpOptions options = IdpOptions.defaults().withPatchNoContent("Group");
        return mode == UnmappedAttributes.DROP ? options.withNotKept(DROPPED) : options;
    }

    @Override
    public void close() throws Exception {
        try {
            server.close();
        } finally {
            database.close();
        }
    }
}
