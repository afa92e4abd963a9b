package org.scim2j.core.resource;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the schema extension (RFC 7643 §3.3) a host's class holds, so that it can be read and written by type:
 * {@link User#extension(Class)} and {@link User.Builder#extension(Object)}. The class is bound with Jackson like the
 * built-in {@link EnterpriseUser}: a record whose components are the extension's attribute names.
 *
 * <pre>{@code
 *   @ExtensionSchema("urn:example:params:scim:schemas:extension:sonar:2.0:User")
 *   public record SonarUser(String login, Boolean local) {}
 *
 *   SonarUser sonar = user.extension(SonarUser.class);                  // null when the user has none
 *   User changed = user.toBuilder().extension(new SonarUser("jdoe", false)).build();
 * }</pre>
 *
 * <p>The annotation names the JSON key only; the service learns the extension's attributes (for {@code /Schemas},
 * filters and PATCH) from a {@code Schema} added with {@code SchemaRegistry.Builder.addExtension}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ExtensionSchema {

    /** The extension's schema URN, e.g. {@code urn:example:params:scim:schemas:extension:sonar:2.0:User}. */
    String value();
}
