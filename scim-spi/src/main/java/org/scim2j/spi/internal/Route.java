package org.scim2j.spi.internal;

/**
 * Where a request goes: the kind of endpoint, the resource binding for resource endpoints, and the id.
 *
 * @param kind    the endpoint
 * @param binding the resource type binding, for COLLECTION, COLLECTION_SEARCH and RESOURCE
 * @param id      the resource id (RESOURCE), resource type id (RESOURCE_TYPES) or schema URN (SCHEMAS), else null
 */
public record Route(Kind kind, ResourceBinding<?> binding, String id) {

    /** The endpoints of RFC 7644 §3.2. */
    public enum Kind {
        /** {@code POST /.search} across resource types (§3.4.3). */
        ROOT_SEARCH("POST"),
        /** {@code /ServiceProviderConfig} (§4). */
        SERVICE_PROVIDER_CONFIG("GET"),
        /** {@code /ResourceTypes[/id]} (§4). */
        RESOURCE_TYPES("GET"),
        /** {@code /Schemas[/urn]} (§4). */
        SCHEMAS("GET"),
        /** {@code POST /Bulk} (§3.7). */
        BULK("POST"),
        /** {@code /Me} (§3.11). */
        ME("GET, POST, PUT, PATCH, DELETE"),
        /** {@code /Users}: query and create. */
        COLLECTION("GET, POST"),
        /** {@code POST /Users/.search}. */
        COLLECTION_SEARCH("POST"),
        /** {@code /Users/{id}}. */
        RESOURCE("GET, PUT, PATCH, DELETE");

        private final String allow;

        Kind(String allow) {
            this.allow = allow;
        }

        /** The methods this endpoint accepts, as the {@code Allow} header lists them. */
        public String allow() {
            return allow;
        }

        /** Whether {@code method} is one of {@link #allow()}. */
        public boolean allows(String method) {
            for (String m : allow.split(", ")) {
                if (m.equals(method)) {
                    return true;
                }
            }
            return false;
        }
    }
}
