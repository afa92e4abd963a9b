package org.scim2j.springboot.extension;

import org.scim2j.core.json.ScimJson;
import org.scim2j.core.schema.AttributeDefinition;
import org.scim2j.core.schema.AttributeType;
import org.scim2j.core.schema.Schema;
import org.scim2j.core.schema.SchemaRegistry;
import org.scim2j.core.schema.Uniqueness;
import org.scim2j.spi.GroupRepository;
import org.scim2j.spi.UserRepository;
import org.scim2j.spi.memory.InMemoryGroupRepository;
import org.scim2j.spi.memory.InMemoryUserRepository;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import java.time.Clock;
import java.util.List;

/** The README's application with a User extension of its own ({@link SonarUser}). */
@SpringBootApplication
public class ExtensionApplication {

    // tag::registry[]
    /** The extension's attributes, as {@code /Schemas} serves them and filters and PATCH resolve them. */
    static Schema sonarSchema() {
        return new Schema(SonarUser.URN, "SonarUser", "What the host keeps about a user beyond RFC 7643", List.of(
                AttributeDefinition.builder("login", AttributeType.STRING).caseExact(true)
                        .uniqueness(Uniqueness.SERVER).description("The host's login name").build(),
                AttributeDefinition.builder("local", AttributeType.BOOLEAN)
                        .description("Signs in with a local password").build()));
    }

    /** Used by the starter's ScimService when present: User now lists the extension in /ResourceTypes. */
    @Bean
    SchemaRegistry schemaRegistry() {
        return SchemaRegistry.builder().addStandard().addExtension("User", sonarSchema(), false).build();
    }
    // end::registry[]

    @Bean
    UserRepository users(SchemaRegistry registry) {
        return new InMemoryUserRepository(registry, ScimJson.defaults(), Clock.systemUTC());
    }

    @Bean
    GroupRepository groups(SchemaRegistry registry) {
        return new InMemoryGroupRepository(registry, ScimJson.defaults(), Clock.systemUTC());
    }
}
