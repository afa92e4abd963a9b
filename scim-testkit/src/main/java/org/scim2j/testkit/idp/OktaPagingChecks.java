package org.scim2j.testkit.idp;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.scim2j.testkit.idp.internal.ScimHttp.Answer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Okta's import ("Import Now" and scheduled imports): {@code GET /Users?startIndex=1&count=100}, then
 * {@code startIndex=101} and so on while {@code totalResults} says there is more, in an order that must be stable
 * across pages; the same for {@code /Groups}. Inactive users are listed too (Okta skips them itself).
 *
 * <p>Source: <a href="https://developer.okta.com/docs/api/openapi/okta-scim/guides/scim-20">SCIM 2.0 protocol
 * reference</a>, "Retrieve Users" (pagination). The suite pages with a count of 2 on stores of up to 200 resources,
 * and of 100 (Okta's own) on larger ones, so that it runs against a shared environment too.
 */
public abstract class OktaPagingChecks extends OktaChecks {

    /** Okta's import checks; a subclass names the endpoint with {@link #target()}. */
    protected OktaPagingChecks() {
    }

    /** Every id the import reads, page by page, as Okta pages. */
    private List<String> importAll(String endpoint, String tag) {
        Answer first = http.get(endpoint + "?startIndex=1&count=1");
        requireListResponse(first, tag, "abort the import");
        int total = first.body().path("totalResults").asInt();
        int count = total <= 200 ? 2 : 100;
        List<String> seen = new ArrayList<>();
        for (int start = 1; start <= total; start += count) {
            Answer page = http.get(endpoint + "?startIndex=" + start + "&count=" + count);
            requireListResponse(page, tag, "abort the import");
            JsonNode body = page.body();
            require(body.path("totalResults").asInt() == total && body.path("startIndex").asInt() == start
                            && body.path("Resources").size() <= count
                            && body.path("itemsPerPage").asInt() == body.path("Resources").size(), tag, page,
                    "totalResults " + total + ", startIndex " + start + ", at most " + count + " resources and "
                            + "itemsPerPage their number (RFC 7644 §3.4.2.4)",
                    "stop early or read some resources twice and others never",
                    "page by startIndex (1-based) and count in the repository's search");
            if (body.path("Resources").isEmpty()) {
                break;
            }
            body.path("Resources").forEach(resource -> seen.add(resource.path("id").asText()));
        }
        return seen;
    }

    @Test
    @DisplayName("OKTA-SCIM20 import: users page by startIndex and count, each once, inactive ones included")
    void oktaScim20_importUsersPagesStably() {
        Set<String> ours = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            ours.add(pushUser(uniqueUserName("Import" + i), "OKTA-SCIM20 import").path("id").asText());
        }
        String inactive = ours.iterator().next();
        requirePatchAnswer(http.patch("/Users/" + inactive, patchOf(op("replace", null,
                NODES.objectNode().put("active", false)))), "User", "OKTA-SCIM20 import", "show the deactivation "
                + "as failed");
        List<String> seen = importAll("/Users", "OKTA-SCIM20 import");
        require(new HashSet<>(seen).size() == seen.size() && seen.containsAll(ours), "OKTA-SCIM20 import", seen,
                "every user exactly once across the pages, the deactivated one included (created: " + ours + ")",
                "import some users twice and miss others, then offer to create the missed ones again",
                "order search results stably (for example by id) so that pages do not overlap (RFC 7644 "
                        + "§3.4.2.4); scim2j hands startIndex and count to the repository's search");
    }

    @Test
    @DisplayName("OKTA-SCIM20 import: groups page by startIndex and count, each once")
    void oktaScim20_importGroupsPagesStably() {
        Set<String> ours = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            Answer created = http.post("/Groups", object("{\"schemas\":[\"" + GROUP_SCHEMA
                    + "\"],\"displayName\":\"Okta Import " + token() + "\",\"members\":[]}"));
            requireStatus(created, 201, "OKTA-SCIM20 import", "Created", "show the group push as failed",
                    "POST /Groups answers 201");
            ours.add(createdGroup(created.body().path("id").asText()));
        }
        List<String> seen = importAll("/Groups", "OKTA-SCIM20 import");
        require(new HashSet<>(seen).size() == seen.size() && seen.containsAll(ours), "OKTA-SCIM20 import", seen,
                "every group exactly once across the pages (created: " + ours + ")",
                "import some groups twice and miss others", "order group search results stably");
    }
}
