package org.scim2j.benchmarks.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scim2j.core.schema.Schemas;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The requests identity providers send during sync, against a store of {@link FullProfile} users: Okta's and Entra
 * ID's matching lookups (RFC 7644 §3.4.2 filters), reads, Okta's profile push (GET, then PUT of the same body with
 * one attribute changed), Entra's PATCH dialect (IDP-TRAFFIC.md P6 and P9) and creates; and a weighted mix of them.
 * Request {@code i} addresses loaded user {@link #spread(int, int)}, so requests spread over the whole store.
 */
final class IdpScenarios {

    /**
     * The Okta/Entra mix's default weights (percent of operations): matching lookups, reads, Okta's GET+PUT
     * profile push, Entra's multi-replace PATCH, creates, Entra's deactivation.
     */
    static final String DEFAULT_MIX = "username:30,externalid:10,email:10,get:15,put:15,patch:10,create:5,"
            + "deactivate:5";

    private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LoadRunner runner;
    private final int users;
    private final String runTag;

    IdpScenarios(LoadRunner runner, int users, String runTag) {
        this.runner = runner;
        this.users = users;
        this.runTag = runTag;
    }

    /** Request i's user: spread over the whole store, not clustered at the start. */
    static int spread(int i, int users) {
        return (int) ((i * 7_919L + 13) % users);
    }

    private int user(int i) {
        return spread(i, users);
    }

    /** {@code GET /Users?filter=...} for one user's value; 200 even when nothing matches. */
    LoadRunner.Call search(String filter) {
        return new LoadRunner.Call(runner.request("/Users?filter=" + LoadRunner.urlEncode(filter)).GET().build(),
                200);
    }

    /** Okta's and Entra's default match: {@code userName eq}. */
    LoadRunner.Call userName(int i) {
        return search("userName eq \"" + StoreLoader.login(user(i)) + "\"").labelled("userName eq");
    }

    /** Entra's match on {@code externalId} (a column: {@code users.external_id}). */
    LoadRunner.Call externalId(int i) {
        return search("externalId eq \"" + FullProfile.externalId(user(i)) + "\"").labelled("externalId eq");
    }

    /** Entra's match on the work email, in its non-ABNF form (the lenient parser reads it as a value path). */
    LoadRunner.Call workEmail(int i) {
        return search("emails[type eq \"work\"].value eq \"" + StoreLoader.login(user(i)) + "\"")
                .labelled("emails[type eq \"work\"].value eq");
    }

    /** {@code emails.value eq} the work email (Entra ID matching on mail, scripts, admins): one match. */
    LoadRunner.Call emailValue(int i) {
        return search("emails.value eq \"" + StoreLoader.login(user(i)) + "\"").labelled("emails.value eq");
    }

    /** The RFC 7644 §3.4.2.2 value filter on the work email: one match. */
    LoadRunner.Call workEmailValueFilter(int i) {
        return search("emails[type eq \"work\" and value eq \"" + StoreLoader.login(user(i)) + "\"]")
                .labelled("emails[type eq \"work\" and value eq]");
    }

    /**
     * {@code name.familyName eq ... and name.givenName eq ...}, first match only ({@code count=1}): the full profile
     * has about 2,500 name pairs, so a pair matches one user per 2,500 loaded (1 at 1,000 users, 400 at 1,000,000).
     */
    LoadRunner.Call nameParts(int i) {
        var name = FullProfile.user(user(i)).name();
        return new LoadRunner.Call(runner.request("/Users?count=1&filter=" + LoadRunner.urlEncode(
                "name.familyName eq \"" + name.familyName() + "\" and name.givenName eq \"" + name.givenName()
                        + "\"")).GET().build(), 200).labelled("name.familyName and name.givenName eq (count=1)");
    }

    /** {@code displayName eq}, first match only ({@code count=1}; as many matches as {@link #nameParts}). */
    LoadRunner.Call displayName(int i) {
        return new LoadRunner.Call(runner.request("/Users?count=1&filter=" + LoadRunner.urlEncode(
                "displayName eq \"" + FullProfile.user(user(i)).displayName() + "\"")).GET().build(), 200)
                .labelled("displayName eq (count=1)");
    }

    /** {@code id eq} as a filter (not {@code GET /Users/{id}}). */
    LoadRunner.Call idFilter(int i) {
        return search("id eq \"" + StoreLoader.scimId(user(i)) + "\"").labelled("id eq");
    }

    /** {@code GET /Groups?filter=displayName eq ...&excludedAttributes=members}, over {@code groups} lookup groups. */
    LoadRunner.Call groupDisplayName(int i, int groups) {
        return groupSearch("displayName eq \"" + StoreLoader.lookupGroupName(spread(i, groups)) + "\"")
                .labelled("Groups displayName eq");
    }

    /** {@code GET /Groups?filter=externalId eq ...&excludedAttributes=members}. */
    LoadRunner.Call groupExternalId(int i, int groups) {
        return groupSearch("externalId eq \"" + StoreLoader.lookupGroupExternalId(spread(i, groups)) + "\"")
                .labelled("Groups externalId eq");
    }

    private LoadRunner.Call groupSearch(String filter) {
        // identity providers leave members out of a lookup (IDP-TRAFFIC.md)
        return new LoadRunner.Call(runner.request("/Groups?excludedAttributes=members&filter="
                + LoadRunner.urlEncode(filter)).GET().build(), 200);
    }

    /** {@code title eq} the unique title of one of every 100 users: one match. */
    LoadRunner.Call rareTitle(int i) {
        int k = user(i) / 100 * 100;
        return search("title eq \"" + FullProfile.rareTitle(k) + "\"").labelled("title eq (rare)");
    }

    /** {@code title eq} a common title (about 5 % of users), first page of 100. */
    LoadRunner.Call commonTitle(int i) {
        String title = FullProfile.COMMON_TITLES.get(i % FullProfile.COMMON_TITLES.size());
        return new LoadRunner.Call(runner.request("/Users?count=100&filter="
                + LoadRunner.urlEncode("title eq \"" + title + "\"")).GET().build(), 200).labelled("title eq (5 %)");
    }

    /** The Enterprise extension's {@code employeeNumber eq}, a matching attribute in Entra ID and Okta. */
    LoadRunner.Call employeeNumber(int i) {
        return search(Schemas.ENTERPRISE_USER + ":employeeNumber eq \"" + FullProfile.employeeNumber(user(i)) + "\"")
                .labelled("employeeNumber eq");
    }

    /** {@code GET /Users/{id}}. */
    LoadRunner.Call get(int i) {
        return new LoadRunner.Call(runner.request("/Users/" + StoreLoader.scimId(user(i))).GET().build(), 200)
                .labelled("GET /Users/{id}");
    }

    /** Okta AIW profile push: GET the user, then PUT the same body with {@code nickName} changed. */
    LoadRunner.Call getThenPut(int i) {
        String path = "/Users/" + StoreLoader.scimId(user(i));
        return new LoadRunner.Call(runner.request(path).GET().build(), 200).labelled("GET + PUT /Users/{id}")
                .then(answer -> {
                    ObjectNode body = readObject(answer.body());
                    body.put("nickName", "Nick" + i);
                    return new LoadRunner.Call(runner.json("PUT", path, body.toString()), 200);
                });
    }

    /**
     * Entra ID's default multi-replace (IDP-TRAFFIC.md P9): six Replace operations, a new {@code displayName} and
     * the user's own work email, name parts, externalId and employeeNumber (Entra sends every mapped attribute;
     * keeping the identifying ones keeps later lookups matching).
     */
    LoadRunner.Call patchP9(int i) {
        int k = user(i);
        var user = FullProfile.user(k);
        String ops = String.join(",",
                replace("displayName", user.displayName() + " " + i),
                replace("emails[type eq \\\"work\\\"].value", StoreLoader.login(k)),
                replace("name.givenName", user.name().givenName()),
                replace("name.familyName", user.name().familyName()),
                replace("externalId", FullProfile.externalId(k)),
                replace(Schemas.ENTERPRISE_USER + ":employeeNumber", FullProfile.employeeNumber(k)));
        return new LoadRunner.Call(runner.json("PATCH", "/Users/" + StoreLoader.scimId(k), patch(ops)), 200)
                .labelled("PATCH P9 multi-replace");
    }

    /** Entra ID's default disable (IDP-TRAFFIC.md P6): a string boolean and a capitalised op. */
    LoadRunner.Call deactivate(int i) {
        return new LoadRunner.Call(runner.json("PATCH", "/Users/" + StoreLoader.scimId(user(i)),
                patch(replace("active", "False"))), 200).labelled("PATCH P6 deactivate");
    }

    /** {@code POST /Users} of a new full-profile user. */
    LoadRunner.Call create(int i) {
        String login = "new-" + runTag + "-" + i + "@load.example.com";
        return new LoadRunner.Call(runner.json("POST", "/Users",
                FullProfile.json(FullProfile.user(users + i, login, true))), 201).labelled("POST /Users");
    }

    /**
     * The weighted mix: operation {@code i} is chosen by {@code (37 i + 11) mod 100} against the cumulative
     * weights, so every 100 consecutive operations hold exactly the weights' counts, interleaved.
     *
     * @param weights e.g. {@link #DEFAULT_MIX}; names: username, externalid, email, get, put, patch, create,
     *                deactivate (they must add up to 100)
     */
    IntFunction<LoadRunner.Call> mix(String weights) {
        Map<String, Integer> parsed = parseWeights(weights);
        String[] byBucket = new String[100];
        int at = 0;
        for (Map.Entry<String, Integer> e : parsed.entrySet()) {
            for (int k = 0; k < e.getValue(); k++) {
                byBucket[at++] = e.getKey();
            }
        }
        return i -> {
            String op = byBucket[(int) ((37L * i + 11) % 100)];
            return switch (op) {
                case "username" -> userName(i);
                case "externalid" -> externalId(i);
                case "email" -> workEmail(i);
                case "get" -> get(i);
                case "put" -> getThenPut(i);
                case "patch" -> patchP9(i);
                case "create" -> create(i);
                case "deactivate" -> deactivate(i);
                default -> throw new IllegalStateException(op);
            };
        };
    }

    /** {@code name:percent,...} in order; the percentages must add up to 100. */
    static Map<String, Integer> parseWeights(String text) {
        Map<String, Integer> weights = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            String[] kv = part.trim().split(":");
            if (kv.length != 2) {
                throw new IllegalArgumentException("expected name:percent, not " + part);
            }
            String name = kv[0].trim().toLowerCase(Locale.ROOT);
            if (!name.matches("username|externalid|email|get|put|patch|create|deactivate")) {
                throw new IllegalArgumentException("unknown mix operation " + name);
            }
            weights.merge(name, Integer.parseInt(kv[1].trim()), Integer::sum);
        }
        int sum = weights.values().stream().mapToInt(Integer::intValue).sum();
        if (sum != 100 || weights.values().stream().anyMatch(w -> w < 0)) {
            throw new IllegalArgumentException("mix weights must be non-negative and add up to 100, not " + sum);
        }
        return weights;
    }

    private static String replace(String path, String value) {
        return "{\"op\":\"Replace\",\"path\":\"" + path + "\",\"value\":\"" + value + "\"}";
    }

    private static String patch(String operations) {
        return "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[" + operations + "]}";
    }

    private static ObjectNode readObject(String body) {
        try {
            return (ObjectNode) JSON.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
