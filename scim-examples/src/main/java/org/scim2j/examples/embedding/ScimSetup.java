package org.scim2j.examples.embedding;

// tag::imports[]
import org.scim2j.http.ScimConfiguration;
import org.scim2j.http.ScimHttpSettings;
import org.scim2j.http.TokenAuthenticator;
import org.scim2j.http.TokenVerifier;
import org.scim2j.servlet.ScimServlet;
import org.scim2j.spi.service.ScimService;

import javax.sql.DataSource;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Properties;
import java.util.function.BooleanSupplier;
// end::imports[]

/**
 * What every container recipe shares: the SCIM servlet over the sample's repositories, configured by the
 * {@code scim.*} keys of {@link ScimConfiguration}, with one admin token that Okta or Microsoft Entra ID sends.
 */
public final class ScimSetup {

    private ScimSetup() {
    }

    // tag::servlet[]
    /**
     * The SCIM servlet over the host's database.
     *
     * @param settings         the scim.* keys (scim.baseUrl, scim.patch.profile, ...); other keys are ignored
     * @param adminTokenSha256 TokenVerifier.hash(token) of the admin token: 64 hex digits, never the token
     */
    public static ScimServlet scimServlet(DataSource dataSource, Properties settings, String adminTokenSha256) {
        ScimConfiguration config = ScimConfiguration.of(settings);
        ScimService service = ScimService.builder()
                .users(new AccountUserRepository(dataSource))
                .groups(new TeamGroupRepository(dataSource))
                .config(config.serviceConfig())
                .build();
        return new ScimServlet(service,
                TokenAuthenticator.bearerOrBasic(TokenVerifier.sha256(adminTokenSha256, "scim-admin")),
                config.httpSettings());
    }
    // end::servlet[]

    // tag::switch[]
    /**
     * The servlet settings with the host's own on/off switch (like SonarQube's sonar.scim.enabled), read on every
     * request; it replaces the scim.enabled key, which ScimConfiguration reads once.
     */
    public static ScimHttpSettings withHostSwitch(Properties settings, BooleanSupplier scimEnabled) {
        return ScimConfiguration.of(settings).httpSettings().toBuilder().enabled(scimEnabled).build();
    }
    // end::switch[]

    // tag::token[]
    /**
     * A new admin token. Show it once to the administrator, who pastes it into Okta or Entra ID, and store only
     * TokenVerifier.hash(token).
     */
    public static String newAdminToken() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return "scim_" + HexFormat.of().formatHex(secret);
    }
    // end::token[]
}
