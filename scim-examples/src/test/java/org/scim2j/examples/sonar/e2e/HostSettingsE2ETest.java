package org.scim2j.examples.sonar.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.scim2j.examples.sonar.ServerConfig;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The example server's settings from issue 13, over HTTP: which host users a create may adopt (finding 3), the
 * public base URL (finding 9) and the body limit (finding 4).
 */
@Tag("e2e")
class HostSettingsE2ETest {

    private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";

    private static ServerConfig config() {
        return new ServerConfig("127.0.0.1", 0, RunningServer.TOKEN, "jdbc:h2:mem:settings-" + UUID.randomUUID(),
                "sa", "", true, Duration.ofSeconds(5));
    }

    private static void hostUser(RunningServer scim, String login, String provider, boolean local) {
        scim.server.database().inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO users (uuid, login, name, active, external_id,"
                    + " external_login, external_identity_provider, user_local, version, created_at, updated_at)"
                    + " VALUES (?, ?, 'Host', TRUE, ?, ?, ?, ?, 1, 1, 1)")) {
                s.setString(1, UUID.randomUUID().toString());
                s.setString(2, login);
                s.setString(3, login);
                s.setString(4, login);
                s.setString(5, provider);
                s.setBoolean(6, local);
                return s.executeUpdate();
            }
        });
    }

    private static String user(String userName, boolean active) {
        return "{\"schemas\":[\"" + USER + "\"],\"userName\":\"" + userName + "\",\"active\":" + active + "}";
    }

    /**
     * Issue 13, finding 3: a POST /Users with the login of the host's own local administrator (in another case)
     * linked, renamed and deactivated it. Now only SAML-created users are adopted; the rest is 409 uniqueness.
     */
    @Test
    void aCreateAdoptsSamlUsersOnlyAndNeverALocalAdministrator() throws Exception {
        try (RunningServer scim = new RunningServer(config())) {
            hostUser(scim, "admin", "sonarqube", true);
            hostUser(scim, "gh.user", "github", false);
            hostUser(scim, "saml.user", "saml", false);

            RunningServer.Answer admin = scim.post("/Users", user("ADMIN", false));
            RunningServer.Answer github = scim.post("/Users", user("GH.User", true));
            RunningServer.Answer saml = scim.post("/Users", user("SAML.User", true));

            assertThat(admin.status()).as("%s", admin).isEqualTo(409);
            assertThat(admin.body().path("scimType").asText()).isEqualTo("uniqueness");
            assertThat(github.status()).as("%s", github).isEqualTo(409);
            assertThat(saml.status()).as("%s", saml).isEqualTo(201);
            assertThat(scim.get("/Users?filter=" + RunningServer.encode("userName eq \"admin\"")).body()
                    .path("totalResults").asInt()).as("the administrator is not a SCIM user").isZero();
            int adminRows = scim.server.database().inTransaction(c -> {
                try (var s = c.prepareStatement("SELECT COUNT(*) FROM users WHERE login = 'admin' AND active = TRUE"
                        + " AND user_local = TRUE"); var rs = s.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            assertThat(adminRows).as("the administrator's row is as it was").isEqualTo(1);
        }
        try (RunningServer never = new RunningServer(config().withAdoptProviders(Set.of()))) {
            hostUser(never, "saml.user", "saml", false);
            assertThat(never.post("/Users", user("saml.user", true)).status()).as("SCIM_ADOPT_PROVIDERS=none")
                    .isEqualTo(409);
        }
    }

    /** POST /Users written byte for byte, with a Host header that names another server; the Location header. */
    private static String locationWithHost(RunningServer scim, String host) throws Exception {
        URI base = URI.create(scim.baseUrl);
        String body = user("located-" + UUID.randomUUID() + "@example.com", true);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + base.getPath() + "/Users HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer "
                    + RunningServer.TOKEN + "\r\nContent-Type: application/scim+json\r\nContent-Length: "
                    + body.length() + "\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 201");
            Matcher location = Pattern.compile("(?im)^Location: (\\S+)").matcher(response);
            assertThat(location.find()).as(response).isTrue();
            assertThat(response).contains("\"location\":\"" + location.group(1) + "\"");
            return location.group(1);
        }
    }

    /**
     * Issue 13, finding 9: the Host header decided Location and meta.location. With SCIM_BASE_URL (what production
     * sets) it no longer does; without it the URL is still derived from the request.
     */
    @Test
    void scimBaseUrlDecidesLocationWhateverTheHostHeader() throws Exception {
        String publicUrl = "https://sonar.example.com/api/scim/v2";
        try (RunningServer scim = new RunningServer(config().withScimSetting("scim.baseUrl", publicUrl))) {
            assertThat(locationWithHost(scim, "attacker.example")).startsWith(publicUrl + "/Users/");
        }
        try (RunningServer derived = new RunningServer(config())) {
            assertThat(locationWithHost(derived, "attacker.example")).as("unset: derived from the request")
                    .startsWith("http://attacker.example/api/scim/v2/Users/");
        }
    }

    private static String groupOf(int members) {
        StringJoiner list = new StringJoiner(",", "[", "]");
        for (int i = 0; i < members; i++) {
            list.add("{\"value\":\"" + UUID.randomUUID() + "\",\"display\":\"member" + i + "@example.com\"}");
        }
        return "{\"schemas\":[\"" + GROUP + "\"],\"displayName\":\"Everyone\",\"members\":" + list + "}";
    }

    /**
     * Issue 13, finding 4: an Okta wizard app PUTs a group with its whole member list; 1 MiB holds about 21,800
     * members. SCIM_MAX_PAYLOAD_BYTES raises the limit (of the servlet and of the service's JSON reader alike).
     */
    @Test
    void scimMaxPayloadBytesLetsALargerGroupBodyIn() throws Exception {
        String body = groupOf(25_000);
        assertThat(body.length()).as("a body over 1 MiB").isGreaterThan(1024 * 1024);
        try (RunningServer small = new RunningServer(config())) {
            RunningServer.Answer refused = small.post("/Groups", body);
            assertThat(refused.status()).as("%s", refused).isEqualTo(413);
            assertThat(refused.body().path("detail").asText()).contains("1048576");
        }
        try (RunningServer large = new RunningServer(config().withScimSetting("scim.maxPayloadBytes", "4194304"))) {
            RunningServer.Answer read = large.post("/Groups", body);
            // the members are no users of this host: the body was read and parsed, then refused by the store
            assertThat(read.status()).as("%s", read).isEqualTo(400);
            assertThat(read.body().path("scimType").asText()).isEqualTo("invalidValue");
            assertThat(read.body().path("detail").asText()).contains("is not a User of this service provider");
        }
    }

    /**
     * Issue 13, finding 4: 12,000 filtered operations took about 12 s of CPU; one add of 40,000 emails (770 KiB) about
     * 24 s. The engine is linear now (see BENCHMARKS.md), and a PATCH over the operations limit is refused, naming it.
     */
    @Test
    void aHugePatchIsAnsweredOrRefusedNamingTheLimit() throws Exception {
        try (RunningServer scim = new RunningServer(config())) {
            String id = scim.post("/Users", user("big@example.com", true)).body().path("id").asText();
            StringJoiner ops = new StringJoiner(",", "[", "]");
            for (int i = 0; i < 12_000; i++) {
                ops.add("{\"op\":\"add\",\"path\":\"emails[type eq \\\"t" + i + "\\\"].value\",\"value\":\"e"
                        + i + "@x\"}");
            }
            RunningServer.Answer many = scim.patch("/Users/" + id, "{\"schemas\":[\"urn:ietf:params:scim:api:"
                    + "messages:2.0:PatchOp\"],\"Operations\":" + ops + "}");
            assertThat(many.status()).as("%s", many).isEqualTo(400);
            assertThat(many.body().path("scimType").asText()).isEqualTo("invalidValue");
            assertThat(many.body().path("detail").asText()).contains("12000 operations").contains("at most 1000");

            StringJoiner emails = new StringJoiner(",", "[", "]");
            for (int i = 0; i < 40_000; i++) {
                emails.add("{\"value\":\"e" + i + "\"}");
            }
            String body = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":"
                    + "[{\"op\":\"add\",\"path\":\"emails\",\"value\":" + emails + "}]}";
            assertThat(body.length()).as("under the default body limit").isLessThan(1024 * 1024);
            RunningServer.Answer added = scim.patch("/Users/" + id, body);
            assertThat(added.status()).as("%s", added).isEqualTo(200);
            assertThat(added.body().path("emails").size()).as("every email, kept by the lossless store")
                    .isEqualTo(40_000);
        }
    }
}
