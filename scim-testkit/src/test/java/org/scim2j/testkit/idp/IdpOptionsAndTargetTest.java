package org.scim2j.testkit.idp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** What a host declares and how it names its endpoint. */
class IdpOptionsAndTargetTest {

    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    @Test
    void anAttributeIsNotKeptWhenItItsParentOrItsExtensionIsDeclared() {
        IdpOptions options = IdpOptions.defaults().withNotKept("name", "EXTERNALID", ENTERPRISE);
        assertThat(options.keeps("name.givenName")).isFalse();
        assertThat(options.keeps("externalId")).as("RFC 7643 §2.1: attribute names ignore case").isFalse();
        assertThat(options.keeps(ENTERPRISE + ":manager")).isFalse();
        assertThat(options.keeps("nickName")).isTrue();
        assertThat(options.keeps("nameSuffix")).as("a prefix of a name is not its parent").isTrue();
        assertThat(IdpOptions.defaults().keeps("name.givenName")).isTrue();
    }

    @Test
    void patchNoContentIsPerResourceTypeIgnoringCase() {
        IdpOptions options = IdpOptions.defaults().withPatchNoContent("group");
        assertThat(options.answersPatchWithNoContent("Group")).isTrue();
        assertThat(options.answersPatchWithNoContent("User")).isFalse();
        assertThat(options.withNotKept("title").patchNoContent()).containsExactly("group");
    }

    @Test
    void aTargetDropsTrailingSlashesAndNeverPrintsItsCredentials() {
        ScimTarget target = ScimTarget.bearer("https://sonar.example.com/api/scim/v2//", "s3cr3t");
        assertThat(target.baseUrl()).hasToString("https://sonar.example.com/api/scim/v2");
        assertThat(target.authorization()).isEqualTo("Bearer s3cr3t");
        assertThat(target.toString()).doesNotContain("s3cr3t").contains("credentials given");
    }

    @Test
    void basicIsTheTokenAsUserNameAsOktaSendsIt() {
        ScimTarget target = ScimTarget.basic("http://127.0.0.1:8080/api/scim/v2", "token", "");
        assertThat(target.authorization()).isEqualTo("Basic "
                + Base64.getEncoder().encodeToString("token:".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aBaseUrlMustBeAbsoluteHttpWithoutQuery() {
        for (String bad : new String[] {"/api/scim/v2", "ftp://example.com/scim", "https://example.com/scim?x=1"}) {
            assertThatThrownBy(() -> ScimTarget.bearer(bad, "t")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("absolute http(s) URL");
        }
    }
}
