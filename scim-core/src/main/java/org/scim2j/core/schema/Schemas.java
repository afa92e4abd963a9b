package org.scim2j.core.schema;

import static org.scim2j.core.schema.AttributeType.COMPLEX;
import static org.scim2j.core.schema.AttributeType.DATE_TIME;
import static org.scim2j.core.schema.AttributeType.REFERENCE;
import static org.scim2j.core.schema.AttributeType.STRING;

import java.util.List;

/** The URNs of RFC 7643 and RFC 7644, and the common attributes of RFC 7643 §3.1. */
public final class Schemas {

    /** The core User schema (RFC 7643 §4.1). */
    public static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    /** The core Group schema (RFC 7643 §4.2). */
    public static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
    /** The Enterprise User extension (RFC 7643 §4.3). */
    public static final String ENTERPRISE_USER = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    /** The ServiceProviderConfig schema (RFC 7643 §5). */
    public static final String SERVICE_PROVIDER_CONFIG = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
    /** The ResourceType schema (RFC 7643 §6). */
    public static final String RESOURCE_TYPE = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";
    /** The Schema schema (RFC 7643 §7). */
    public static final String SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Schema";
    /** ListResponse (RFC 7644 §3.4.2). */
    public static final String LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    /** SearchRequest (RFC 7644 §3.4.3). */
    public static final String SEARCH_REQUEST = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";
    /** PatchOp (RFC 7644 §3.5.2). */
    public static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    /** BulkRequest (RFC 7644 §3.7). */
    public static final String BULK_REQUEST = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";
    /** BulkResponse (RFC 7644 §3.7). */
    public static final String BULK_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:BulkResponse";
    /** Error (RFC 7644 §3.12). */
    public static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

    /**
     * The pseudo-URN under which {@link #commonAttributes()} resolve. The common attributes belong to no schema
     * (RFC 7643 §3.1); paths reach them without a prefix or with the resource type's core schema URN.
     */
    public static final String COMMON = "urn:scim2j:common";

    private static final Schema COMMON_ATTRIBUTES = new Schema(COMMON, "Common", "RFC 7643 §3.1 common attributes",
            List.of(
                    AttributeDefinition.builder("schemas", REFERENCE).multiValued(true).required(true)
                            .caseExact(false).returned(Returned.ALWAYS).referenceTypes(List.of("uri"))
                            .description("The schema URIs of the resource").build(),
                    AttributeDefinition.builder("id", STRING).caseExact(true).mutability(Mutability.READ_ONLY)
                            .returned(Returned.ALWAYS).uniqueness(Uniqueness.SERVER)
                            .description("Unique identifier of the resource, assigned by the service provider")
                            .build(),
                    AttributeDefinition.builder("externalId", STRING).caseExact(true)
                            .description("Identifier of the resource as defined by the provisioning client").build(),
                    AttributeDefinition.builder("meta", COMPLEX).mutability(Mutability.READ_ONLY)
                            .description("Resource metadata")
                            .subAttribute(AttributeDefinition.builder("resourceType", STRING).caseExact(true)
                                    .mutability(Mutability.READ_ONLY).description("The resource type name").build())
                            .subAttribute(AttributeDefinition.builder("created", DATE_TIME)
                                    .mutability(Mutability.READ_ONLY).description("When the resource was created")
                                    .build())
                            .subAttribute(AttributeDefinition.builder("lastModified", DATE_TIME)
                                    .mutability(Mutability.READ_ONLY).description("When the resource last changed")
                                    .build())
                            .subAttribute(AttributeDefinition.builder("location", REFERENCE)
                                    .mutability(Mutability.READ_ONLY).referenceTypes(List.of("uri"))
                                    .description("The URI of the resource").build())
                            .subAttribute(AttributeDefinition.builder("version", STRING).caseExact(true)
                                    .mutability(Mutability.READ_ONLY).description("The version (ETag) of the resource")
                                    .build())
                            .build()));

    /** The User resource type (RFC 7643 §8.6): endpoint {@code /Users}, with the optional Enterprise extension. */
    public static final ResourceType USER_RESOURCE_TYPE = new ResourceType("User", "User", "User Account", "/Users",
            USER, List.of(new SchemaExtension(ENTERPRISE_USER, false)));

    /** The Group resource type (RFC 7643 §8.6): endpoint {@code /Groups}. */
    public static final ResourceType GROUP_RESOURCE_TYPE = new ResourceType("Group", "Group", "Group", "/Groups",
            GROUP, List.of());

    private Schemas() {
    }

    /**
     * The core User schema with the characteristics of RFC 7643 §8.7.1, but for one: {@code x509Certificates.value}
     * is {@code caseExact: true}. The RFC's listing says {@code false}, but the value is binary, base64 text
     * (RFC 7643 §2.3.6), in which case carries meaning; client libraries that check the schema refuse a binary
     * declared case-insensitive (the Captain-P-Goldfish SCIM-SDK refuses the whole {@code /Schemas} answer).
     */
    public static Schema user() {
        return BuiltIn.USER;
    }

    /** The core Group schema with the characteristics of RFC 7643 §8.7.1. */
    public static Schema group() {
        return BuiltIn.GROUP;
    }

    /** The Enterprise User extension schema with the characteristics of RFC 7643 §8.7.1. */
    public static Schema enterpriseUser() {
        return BuiltIn.ENTERPRISE_USER;
    }

    /** The ServiceProviderConfig schema of RFC 7643 §8.7.2. */
    public static Schema serviceProviderConfig() {
        return BuiltIn.SERVICE_PROVIDER_CONFIG;
    }

    /** The ResourceType schema of RFC 7643 §8.7.2. */
    public static Schema resourceType() {
        return BuiltIn.RESOURCE_TYPE;
    }

    /** The Schema schema of RFC 7643 §8.7.2. */
    public static Schema schema() {
        return BuiltIn.SCHEMA;
    }

    /** The common attributes every resource has: {@code schemas}, {@code id}, {@code externalId}, {@code meta}. */
    public static Schema commonAttributes() {
        return COMMON_ATTRIBUTES;
    }

    /** Loaded on first use from the schema documents shipped in this jar. */
    private static final class BuiltIn {
        static final Schema USER = load("User.json", Schemas.USER);
        static final Schema GROUP = load("Group.json", Schemas.GROUP);
        static final Schema ENTERPRISE_USER = load("EnterpriseUser.json", Schemas.ENTERPRISE_USER);
        static final Schema SERVICE_PROVIDER_CONFIG = load("ServiceProviderConfig.json", Schemas.SERVICE_PROVIDER_CONFIG);
        static final Schema RESOURCE_TYPE = load("ResourceType.json", Schemas.RESOURCE_TYPE);
        static final Schema SCHEMA = load("Schema.json", Schemas.SCHEMA);

        private static Schema load(String file, String expectedId) {
            try (java.io.InputStream in = Schemas.class.getResourceAsStream(file)) {
                if (in == null) {
                    throw new IllegalStateException("built-in schema document missing: " + file);
                }
                Schema schema = SchemaJson.readSchema(in);
                if (!schema.id().equals(expectedId)) {
                    throw new IllegalStateException(file + " holds " + schema.id() + ", not " + expectedId);
                }
                return schema;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
