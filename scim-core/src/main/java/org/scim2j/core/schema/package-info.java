/**
 * Schemas and resource types as <a href="https://www.rfc-editor.org/rfc/rfc7643">RFC 7643</a> defines them: an
 * {@link org.scim2j.core.schema.AttributeDefinition} carries every characteristic of §2.2 and §7 (type,
 * {@link org.scim2j.core.schema.Mutability}, {@link org.scim2j.core.schema.Returned},
 * {@link org.scim2j.core.schema.Uniqueness}, {@code caseExact}, ...); a {@link org.scim2j.core.schema.Schema} (§7)
 * groups them under a URN; a {@link org.scim2j.core.schema.ResourceType} (§6) names an endpoint with its core schema
 * and extensions.
 *
 * <p>{@link org.scim2j.core.schema.SchemaRegistry} holds what a service provider serves ({@code standard()}: User,
 * Group and Enterprise User) and resolves attribute paths the way RFC 7644 §3.10 says;
 * {@link org.scim2j.core.schema.Schemas} names the standard URNs; {@link org.scim2j.core.schema.SchemaJson} reads and
 * writes the {@code /Schemas} and {@code /ResourceTypes} representation, so a host can add its own schema extension
 * from JSON; {@link org.scim2j.core.schema.ScimDateTime} is the one reading of the {@code dateTime} type. Every type
 * is immutable and thread-safe.
 */
package org.scim2j.core.schema;
