package org.scim2j.testkit.idp;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.scim2j.testkit.idp.internal.ScimHttp;
import org.scim2j.testkit.idp.internal.ScimHttp.Answer;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What every identity-provider check shares: the endpoint and declarations the host gives, an HTTP client that sends
 * what the identity provider sends, and failure messages that say what the identity provider would do and what
 * would make the host accept it. Each test cleans up what it created (deletes its groups and users), so that a suite
 * can run against a shared environment again and again.
 */
public abstract class IdpChecks {

    static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    static final String LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
    static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Idp idp;
    ScimHttp http;
    private ScimTarget target;
    private final List<String> createdUsers = new ArrayList<>();
    private final List<String> createdGroups = new ArrayList<>();

    IdpChecks(Idp idp) {
        this.idp = idp;
    }

    /** The endpoint under test and the credentials to send; called before every test. */
    protected abstract ScimTarget target();

    /** What the host declares it differs in; {@link IdpOptions#defaults()} unless overridden. */
    protected IdpOptions options() {
        return IdpOptions.defaults();
    }

    @BeforeEach
    final void connect() {
        target = target();
        http = client(target.authorization());
    }

    /** A client that sends another {@code Authorization} header (or none, for {@code null}). */
    final ScimHttp client(String authorization) {
        return new ScimHttp(target.baseUrl().toString(), authorization, idp.userAgent,
                "application/scim+json; charset=utf-8");
    }

    /** Requests with wrong or no credentials are refused with 401. */
    final void requireCredentialsChecked(String tag, String idpWould) {
        for (String authorization : new String[] {"Bearer wrong-" + token(), null}) {
            ScimHttp.Answer refused = client(authorization).get("/Users?startIndex=1&count=2");
            requireStatus(refused, 401, tag, "Unauthorized for " + (authorization == null ? "no credentials"
                            : "a wrong token"), idpWould,
                    "authenticate every request: scim2j's ScimHttpHandler (or ScimServlet, which binds it) with a "
                            + "TokenAuthenticator answers 401 with WWW-Authenticate (RFC 7644 §2)");
        }
    }

    @AfterEach
    final void cleanUp() {
        // Best effort: a host may refuse DELETE /Users (Okta never sends it); that is no failure of the check.
        List<String> groups = new ArrayList<>(createdGroups);
        Collections.reverse(groups);
        groups.forEach(id -> deleteQuietly("/Groups/" + id));
        List<String> users = new ArrayList<>(createdUsers);
        Collections.reverse(users);
        users.forEach(id -> deleteQuietly("/Users/" + id));
    }

    private void deleteQuietly(String path) {
        try {
            http.delete(path);
        } catch (RuntimeException ignored) {
            // the check's own outcome is what matters
        }
    }

    // ---- data

    /** A user name nobody else uses, in mixed case as Okta's spec test generates them ({@code Runscope300Hf..}). */
    static String uniqueUserName(String prefix) {
        return prefix + "Idp" + token() + "@example.com";
    }

    /** A random token of 10 lower-case letters and digits. */
    static String token() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    /** Remembers a user to delete after the test. */
    final String createdUser(String id) {
        createdUsers.add(id);
        return id;
    }

    /** Remembers a group to delete after the test. */
    final String createdGroup(String id) {
        createdGroups.add(id);
        return id;
    }

    static ObjectNode object(String json) {
        return (ObjectNode) ScimHttp.json(json);
    }

    static ObjectNode patchOf(ObjectNode... operations) {
        ObjectNode patch = NODES.objectNode();
        patch.putArray("schemas").add(PATCH_OP);
        ArrayNode ops = patch.putArray("Operations");
        Arrays.stream(operations).forEach(ops::add);
        return patch;
    }

    static ObjectNode op(String op, String path, JsonNode value) {
        ObjectNode operation = NODES.objectNode().put("op", op);
        if (path != null) {
            operation.put("path", path);
        }
        if (value != null) {
            operation.set("value", value);
        }
        return operation;
    }

    /** The node at a dotted path ({@code name.givenName}, {@code emails.0.value}); missing when absent. */
    static JsonNode at(JsonNode node, String dottedPath) {
        JsonNode current = node;
        if (dottedPath.startsWith("urn:")) {
            int split = dottedPath.lastIndexOf(':');
            current = current.path(dottedPath.substring(0, split));
            dottedPath = dottedPath.substring(split + 1);
        }
        for (String part : dottedPath.split("\\.")) {
            current = part.chars().allMatch(Character::isDigit) ? current.path(Integer.parseInt(part))
                    : current.path(part);
        }
        return current;
    }

    static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(element -> ids.add(element.path("value").asText(element.path("id").asText())));
        return ids;
    }

    // ---- expectations

    /**
     * Fails with what the identity provider would do and what makes the host accept it.
     *
     * @param tag      the source step, e.g. {@code OKTA-SPEC 12}
     * @param answer   the answer that broke the expectation, or {@code null}
     * @param expected what the identity provider expects
     * @param idpWould what it does when it does not get it
     * @param remedy   the scim2j setting, tolerance or contract that accepts it
     */
    final void failure(String tag, Object answer, String expected, String idpWould, String remedy) {
        fail("[" + tag + "] " + (answer == null ? "" : answer + "\n")
                + "  expected: " + expected + "\n"
                + "  " + idp.displayName + " would: " + idpWould + "\n"
                + "  to accept it: " + remedy);
    }

    final void require(boolean condition, String tag, Object answer, String expected, String idpWould,
                       String remedy) {
        if (!condition) {
            failure(tag, answer, expected, idpWould, remedy);
        }
    }

    final void requireStatus(Answer answer, int status, String tag, String expected, String idpWould,
                             String remedy) {
        require(answer.status() == status, tag, answer, status + " " + expected, idpWould, remedy);
    }

    /** A ListResponse with integer {@code totalResults}, {@code startIndex} and {@code itemsPerPage}. */
    final void requireListResponse(Answer answer, String tag, String idpWould) {
        requireStatus(answer, 200, tag, "with a ListResponse", idpWould,
                "a query answers 200 with a ListResponse even when nothing matches (RFC 7644 §3.4.2); scim2j's "
                        + "ScimService does; check the host's filter support (scim.filter.unsupported=memory "
                        + "evaluates what the repository cannot) and its authentication");
        JsonNode body = answer.body();
        require(body.path("schemas").toString().contains(LIST_RESPONSE)
                        && body.path("totalResults").isIntegralNumber() && body.path("startIndex").isIntegralNumber()
                        && body.path("itemsPerPage").isIntegralNumber() && body.path("Resources").isArray(),
                tag, answer, "schemas [" + LIST_RESPONSE + "], integer totalResults, startIndex and itemsPerPage, "
                        + "and a Resources array (RFC 7644 §3.4.2)", idpWould,
                "answer through scim2j's ScimService, which writes ListResponses so");
    }

    /** The answer to a PATCH: 200 with the resource, or 204 where {@link IdpOptions#patchNoContent()} says so. */
    final void requirePatchAnswer(Answer answer, String resourceType, String tag, String idpWould) {
        boolean noContent = options().answersPatchWithNoContent(resourceType);
        if (noContent) {
            require(answer.status() == 204, tag, answer, "204 No Content (declared: IdpOptions.patchNoContent "
                            + "contains " + resourceType + ")", idpWould,
                    answer.status() == 200 ? "the host answers 200 with the resource: remove " + resourceType
                            + " from IdpOptions.patchNoContent" : patchRemedy(answer));
        } else {
            require(answer.status() == 200 && answer.body().hasNonNull("id"), tag, answer,
                    "200 with the " + resourceType + " (RFC 7644 §3.5.2)", idpWould,
                    answer.status() == 204 ? "the host answers 204 (scim.patch.noContent): declare it with "
                            + "IdpOptions.withPatchNoContent(\"" + resourceType + "\")" : patchRemedy(answer));
        }
    }

    /** What to switch on when a PATCH is refused: the error detail of scim2j names the tolerance. */
    static String patchRemedy(Answer answer) {
        String detail = answer.body().path("detail").asText("");
        int at = detail.indexOf("PatchOptions tolerance ");
        if (at >= 0) {
            String tolerance = detail.substring(at + "PatchOptions tolerance ".length()).split("[^A-Z_]")[0];
            return "switch on tolerance " + tolerance + " (scim.patch.tolerance." + tolerance + "=true, or "
                    + "scim.patch.profile=entra / okta / lenient, the default)";
        }
        if ("invalidPath".equals(answer.body().path("scimType").asText())) {
            return "the host's schemas lack an attribute this PATCH writes (" + detail + "): keep it (a relational "
                    + "host: ResourceDocument keeps what has no column), or declare it with "
                    + "IdpOptions.withNotKept(...) so that the suites do not send it";
        }
        return "scim2j's PATCH engine with scim.patch.profile=lenient (the default) accepts what Okta and Entra ID "
                + "send; a repository's update must store what it is given";
    }

    /** Skips the test unless the host keeps all of these attributes; the reason names the declaration. */
    final void assumeKept(String... attributePaths) {
        List<String> dropped = Arrays.stream(attributePaths).filter(p -> !options().keeps(p))
                .collect(Collectors.toList());
        Assumptions.assumeTrue(dropped.isEmpty(), () -> "not run: IdpOptions.notKept declares "
                + String.join(", ", dropped) + " not kept by the host");
    }

    /** Whether the host keeps an attribute (see {@link IdpOptions#keeps(String)}). */
    final boolean keeps(String attributePath) {
        return options().keeps(attributePath);
    }

    /** The GET of a resource, which must be 200. */
    final JsonNode read(String path, String tag) {
        Answer answer = http.get(path);
        requireStatus(answer, 200, tag, "with the resource", "treat the resource as gone and provision it again",
                "a resource stays readable until it is deleted (RFC 7644 §3.4.1)");
        return answer.body();
    }

    /** The value of a query parameter filter as sent on the wire. */
    static String filter(String expression) {
        return "filter=" + ScimHttp.encode(expression);
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
