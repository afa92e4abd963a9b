/**
 * Spring Boot auto-configuration for scim2j: add the {@code scim-spring-boot-starter} dependency, declare a
 * {@link org.scim2j.spi.UserRepository} and a {@link org.scim2j.spi.GroupRepository} bean, and set
 * {@code scim.path} and {@code scim.token.sha256}; {@link org.scim2j.springboot.ScimAutoConfiguration} registers the
 * SCIM servlet there, beside Spring Security when the application uses it. The properties are those of
 * {@link org.scim2j.springboot.ScimProperties}.
 */
package org.scim2j.springboot;
