package org.scim2j.spi.sql;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.scim2j.core.json.ScimJson;
import org.scim2j.core.resource.Email;
import org.scim2j.core.resource.EnterpriseUser;
import org.scim2j.core.resource.GroupMembership;
import org.scim2j.core.resource.Meta;
import org.scim2j.core.resource.Name;
import org.scim2j.core.resource.PhoneNumber;
import org.scim2j.core.resource.User;
import org.scim2j.core.schema.SchemaRegistry;
import org.scim2j.core.schema.Schemas;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResourceDocumentTest {

    private static final ResourceDocument<User> DOCUMENTS = ResourceDocument.builder(SchemaRegistry.standard(),
                    Schemas.USER_RESOURCE_TYPE, User.class)
            .column("userName").column("externalId").column("active")
            .computed("groups")
            .derivedColumn("name", "name.formatted")
            .derivedPrimaryValue("email", "emails")
            .build();

    private static final Meta META = new Meta("User", OffsetDateTime.parse("2026-01-01T00:00:00Z"),
            OffsetDateTime.parse("2026-01-02T00:00:00Z"), null, "3");

    /** What Okta's and Entra ID's checks write: name parts, several emails, a phone, the enterprise extension. */
    private static User written() {
        return User.builder()
                .userName("bjensen@example.com")
                .externalId("00ujl29u0le5T6Aj10h7")
                .name(new Name(null, "Jensen", "Barbara", "Jane", null, null))
                .displayName("Babs")
                .title("Tour Guide")
                .active(true)
                .password("1mz050nq")
                .emails(List.of(new Email("bjensen@example.com", null, "work", true),
                        new Email("babs@jensen.org", null, "home", null)))
                .phoneNumbers(List.of(new PhoneNumber("555-555-8377", null, "work", null)))
                .enterpriseUser(new EnterpriseUser("701984", null, null, null, "Tour Operations", null))
                .build();
    }

    /** The host's row as SonarQube keeps it: login, one name, one email, active, external id. */
    private static User hostView(String name, String email) {
        return User.builder()
                .id("2819c223")
                .userName("bjensen@example.com")
                .externalId("00ujl29u0le5T6Aj10h7")
                .name(name == null ? null : new Name(name, null, null, null, null, null))
                .active(true)
                .emails(email == null ? List.of() : List.of(new Email(email, null, "work", true)))
                .groups(List.of(new GroupMembership("g1", null, "Admins", "direct")))
                .meta(META)
                .build();
    }

    private static Map<String, Object> columns(String name, String email) {
        Map<String, Object> columns = new HashMap<>();
        columns.put("name", name);
        columns.put("email", email);
        return columns;
    }

    @Test
    void readsBackEveryAttributeThatWasWritten() {
        User user = written();
        String document = DOCUMENTS.write(user, columns("Barbara Jensen", "bjensen@example.com"));

        User read = DOCUMENTS.read(hostView("Barbara Jensen", "bjensen@example.com"), document,
                columns("Barbara Jensen", "bjensen@example.com"));

        assertThat(read.name()).isEqualTo(user.name());
        assertThat(read.displayName()).isEqualTo("Babs");
        assertThat(read.title()).isEqualTo("Tour Guide");
        assertThat(read.emails()).isEqualTo(user.emails());
        assertThat(read.phoneNumbers()).isEqualTo(user.phoneNumbers());
        assertThat(read.enterpriseUser()).isEqualTo(user.enterpriseUser());
        assertThat(read.id()).isEqualTo("2819c223");
        assertThat(read.meta()).isEqualTo(META);
        assertThat(read.groups()).extracting(GroupMembership::value).containsExactly("g1");
    }

    @Test
    void rfc7643_4_1_1_neverStoresThePassword() {
        String document = DOCUMENTS.write(written(), columns(null, null));

        assertThat(document).doesNotContain("1mz050nq").doesNotContain("password");
    }

    @Test
    void keepsNeitherIdMetaNorTheHostsExactAndComputedColumns() {
        User user = written().toBuilder().id("x").meta(META)
                .groups(List.of(new GroupMembership("g9", null, "Other", "direct"))).build();

        ObjectNode document = DOCUMENTS.writeTree(ScimJson.defaults().toTree(user), columns(null, null));

        assertThat(document.has("id")).isFalse();
        assertThat(document.has("meta")).isFalse();
        assertThat(document.has("userName")).isFalse();
        assertThat(document.has("externalId")).isFalse();
        assertThat(document.has("active")).isFalse();
        assertThat(document.has("groups")).isFalse();
        assertThat(document.get(ResourceDocument.COLUMNS_KEY).has("name")).isTrue();
    }

    @Test
    void exactColumnsComeFromTheHostEvenWhenTheHostChangedThem() {
        String document = DOCUMENTS.write(written(), columns(null, "bjensen@example.com"));
        User renamedByHost = hostView(null, "bjensen@example.com").toBuilder().userName("barbara").active(false)
                .build();

        User read = DOCUMENTS.read(renamedByHost, document, columns(null, "bjensen@example.com"));

        assertThat(read.userName()).isEqualTo("barbara");
        assertThat(read.active()).isFalse();
    }

    @Test
    void aDerivedColumnChangedByTheHostShowsInPlaceOfWhatItWasDerivedFrom() {
        String document = DOCUMENTS.write(written(), columns("Barbara Jensen", "bjensen@example.com"));

        // SonarQube's SAML login rewrote the name and the email columns
        User read = DOCUMENTS.read(hostView("Barbara J. Smith", "barbara@smith.example"), document,
                columns("Barbara J. Smith", "barbara@smith.example"));

        assertThat(read.name().formatted()).isEqualTo("Barbara J. Smith");
        assertThat(read.name().givenName()).isEqualTo("Barbara");
        assertThat(read.emails()).extracting(Email::value).containsExactly("barbara@smith.example",
                "babs@jensen.org");
        assertThat(read.emails().get(0).type()).isEqualTo("work");
    }

    @Test
    void anUnchangedDerivedColumnLeavesTheDocumentAsWritten() {
        String document = DOCUMENTS.write(written(), columns("Barbara Jensen", "bjensen@example.com"));

        User read = DOCUMENTS.read(hostView("Barbara Jensen", "bjensen@example.com"), document,
                columns("Barbara Jensen", "bjensen@example.com"));

        // the host view's name.formatted is not what the client wrote: the document wins
        assertThat(read.name().formatted()).isNull();
    }

    @Test
    void aPrimaryValueColumnEmptiedByTheHostRemovesThatValue() {
        String document = DOCUMENTS.write(written(), columns(null, "bjensen@example.com"));

        User read = DOCUMENTS.read(hostView(null, null), document, columns(null, null));

        assertThat(read.emails()).extracting(Email::value).containsExactly("babs@jensen.org");
    }

    @Test
    void aRowWithoutDocumentReadsAsTheHostsView() {
        User view = hostView("Barbara Jensen", "bjensen@example.com");

        assertThat(DOCUMENTS.read(view, null, columns("x", "y"))).isSameAs(view);
    }

    @Test
    void tellsWhichAttributesTheDocumentKeeps() {
        SchemaRegistry registry = SchemaRegistry.standard();
        assertThat(keeps(registry, "title")).isTrue();
        assertThat(keeps(registry, "name.givenName")).isTrue();
        assertThat(keeps(registry, "name")).isTrue();
        assertThat(keeps(registry, "emails.value")).isTrue();
        assertThat(keeps(registry, Schemas.ENTERPRISE_USER + ":employeeNumber")).isTrue();
        assertThat(keeps(registry, "userName")).isFalse();
        assertThat(keeps(registry, "groups.display")).isFalse();
        assertThat(keeps(registry, "password")).isFalse();
        assertThat(keeps(registry, "id")).isFalse();
        assertThat(keeps(registry, "meta.created")).isFalse();
    }

    @Test
    void refusesAColumnForOneSubAttributeOfEveryValue() {
        assertThatThrownBy(() -> ResourceDocument.builder(SchemaRegistry.standard(), Schemas.USER_RESOURCE_TYPE,
                User.class).column("emails.value")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("derived column");
    }

    private static boolean keeps(SchemaRegistry registry, String path) {
        return DOCUMENTS.keeps(registry.find(Schemas.USER_RESOURCE_TYPE, org.scim2j.filter.AttributePath.parse(path))
                .orElseThrow());
    }
}
