package org.scim2j.core.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.scim2j.core.patch.PatchFixtures.apply;
import static org.scim2j.core.patch.PatchFixtures.json;
import static org.scim2j.core.patch.PatchFixtures.patchBody;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.scim2j.core.error.ScimException;
import org.scim2j.core.error.ScimType;
import org.scim2j.core.schema.SchemaRegistry;
import org.scim2j.core.schema.Schemas;

import java.util.StringJoiner;

/**
 * The limits a host sets on PATCH requests (issue 13, finding 4): operations per request and values one operation
 * gives one multi-valued attribute. RFC 7644 gives them no place in {@code /ServiceProviderConfig} (it has
 * {@code bulk.maxOperations} and {@code filter.maxResults} only), so a request over one is refused with 400
 * {@code invalidValue} (Table 9: "the value specified was not compatible with the operation") whose detail names
 * the limit; {@code tooMany} is about filter results.
 */
class PatchLimitsTest {

    private static ObjectNode user() {
        return json("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User'],'id':'u1','userName':'bjensen',"
                + "'emails':[{'type':'work','value':'w@x','primary':true}]}");
    }

    private static String ops(int count) {
        StringJoiner list = new StringJoiner(",", "[", "]");
        for (int i = 0; i < count; i++) {
            list.add("{\"op\":\"add\",\"path\":\"emails[type eq \\\"t" + i + "\\\"].value\",\"value\":\"e" + i
                    + "@x\"}");
        }
        return list.toString();
    }

    private static String emails(int count) {
        StringJoiner list = new StringJoiner(",", "[", "]");
        for (int i = 0; i < count; i++) {
            list.add("{\"value\":\"e" + i + "@x\",\"type\":\"other\"}");
        }
        return "[{\"op\":\"add\",\"path\":\"emails\",\"value\":" + list + "}]";
    }

    private static ScimException refused(PatchOptions options, String operations) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
                () -> apply(options, Schemas.USER_RESOURCE_TYPE, user(), operations));
        assertThat(thrown).isInstanceOf(ScimException.class);
        ScimException e = (ScimException) thrown;
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.scimType()).isEqualTo(ScimType.INVALID_VALUE);
        return e;
    }

    @Test
    void moreOperationsThanTheLimitAreRefusedBeforeAnyIsRead() {
        PatchOptions options = PatchOptions.lenient().withMaxOperations(3);

        ScimException e = refused(options, ops(4));

        assertThat(e.detail()).contains("4 operations").contains("at most 3").contains("maxOperations");
        assertThat(apply(options, Schemas.USER_RESOURCE_TYPE, user(), ops(3)).resource().path("emails"))
                .hasSize(4);
    }

    @Test
    void moreValuesForOneAttributeThanTheLimitAreRefused() {
        PatchOptions options = PatchOptions.lenient().withMaxValuesPerAttribute(5);

        ScimException add = refused(options, emails(6));
        ScimException removeByValue = refused(options, "[{\"op\":\"remove\",\"path\":\"emails\",\"value\":"
                + emails(6).substring(emails(6).indexOf("\"value\":[") + 8, emails(6).length() - 2) + "}]");
        ScimException pathless = refused(options, "[{\"op\":\"add\",\"value\":{\"emails\":"
                + emails(6).substring(emails(6).indexOf("\"value\":[") + 8, emails(6).length() - 2) + "}}]");

        assertThat(add.detail()).contains("'emails'").contains("6 values").contains("at most 5")
                .contains("maxValuesPerAttribute");
        assertThat(removeByValue.detail()).contains("at most 5");
        assertThat(pathless.detail()).contains("at most 5");
        assertThat(apply(options, Schemas.USER_RESOURCE_TYPE, user(), emails(5)).resource().path("emails"))
                .hasSize(6);
    }

    @Test
    void aMembershipDeltaHonoursTheValueLimitToo() {
        PatchOptions options = PatchOptions.lenient().withMaxValuesPerAttribute(2);
        PatchRequest request = PatchRequest.fromJson(patchBody("[{\"op\":\"add\",\"path\":\"members\",\"value\":"
                + "[{\"value\":\"a\"},{\"value\":\"b\"},{\"value\":\"c\"}]}]"), options);

        assertThatThrownBy(() -> new PatchEngine(SchemaRegistry.standard(), options)
                .splitMembership(Schemas.GROUP_RESOURCE_TYPE, request))
                .isInstanceOfSatisfying(ScimException.class,
                        e -> assertThat(e.scimType()).isEqualTo(ScimType.INVALID_VALUE));
    }

    @Test
    void theDefaultsAcceptWhatIdentityProvidersSendAndBoundTheRest() {
        PatchOptions defaults = PatchOptions.lenient();

        assertThat(defaults.maxOperations()).isEqualTo(1_000);
        assertThat(defaults.maxValuesPerAttribute()).isEqualTo(100_000);
        assertThat(PatchOptions.entra().withMaxOperations(7).maxOperations()).isEqualTo(7);
        assertThat(defaults.withMaxOperations(7)).isNotEqualTo(defaults);
        refused(defaults, ops(1_001));
        assertThatIllegalArgumentException().isThrownBy(() -> defaults.withMaxOperations(0));
        assertThatIllegalArgumentException().isThrownBy(() -> defaults.withMaxValuesPerAttribute(0));
    }
}
