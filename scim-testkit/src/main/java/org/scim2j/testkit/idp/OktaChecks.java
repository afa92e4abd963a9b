package org.scim2j.testkit.idp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scim2j.testkit.idp.internal.ScimHttp.Answer;

/** What Okta's checks share: its create body, and pushing a user as Okta does. */
abstract class OktaChecks extends IdpChecks {

    /** Okta's documentation of its SCIM 2.0 traffic, which each check follows. */
    static final String OKTA_SCIM20 = "https://developer.okta.com/docs/api/openapi/okta-scim/guides/scim-20";

    OktaChecks() {
        super(Idp.OKTA);
    }

    /**
     * The body of Okta's {@code POST /Users} (OKTA-SCIM20 "Create the user"): a placeholder password,
     * {@code groups: []}, a locale and Okta's own user id as {@code externalId}; attributes the host does not keep
     * are left out, as an administrator would not map them.
     */
    ObjectNode oktaUser(String userName, String givenName, String familyName) {
        ObjectNode user = NODES.objectNode();
        user.putArray("schemas").add(USER_SCHEMA);
        user.put("userName", userName);
        user.putObject("name").put("givenName", givenName).put("familyName", familyName);
        user.putArray("emails").addObject().put("primary", true).put("value", userName).put("type", "work");
        if (keeps("displayName")) {
            user.put("displayName", givenName + " " + familyName);
        }
        if (keeps("locale")) {
            user.put("locale", "en-US");
        }
        if (keeps("externalId")) {
            user.put("externalId", "00u" + token());
        }
        user.putArray("groups");
        user.put("password", "1mz050nq" + token());
        user.put("active", true);
        return user;
    }

    /** Pushes a new user as Okta does after a lookup that found nothing; returns the created resource. */
    JsonNode pushUser(String userName, String tag) {
        Answer created = http.post("/Users", oktaUser(userName, "Given" + token(), "Family" + token()));
        requireStatus(created, 201, tag, "Created with the user, including its id",
                "stop the assignment with \"Create new user returned empty user\" and show the user as not "
                        + "provisioned", "POST /Users answers 201 with the stored user (RFC 7644 §3.3); Okta sends "
                        + "password, groups [] and locale, which scim2j ignores or stores (unknown attributes are "
                        + "ignored by default)");
        require(created.body().hasNonNull("id"), tag, created, "an id in the created user",
                "not link its user to the app's user", "answer 201 with the stored resource");
        createdUser(created.body().path("id").asText());
        return created.body();
    }
}
