package org.scim2j.benchmarks;

import de.captaingoldfish.scim.sdk.common.constants.enums.SortOrder;
import de.captaingoldfish.scim.sdk.common.resources.ServiceProvider;
import de.captaingoldfish.scim.sdk.common.resources.User;
import de.captaingoldfish.scim.sdk.common.schemas.SchemaAttribute;
import de.captaingoldfish.scim.sdk.server.endpoints.Context;
import de.captaingoldfish.scim.sdk.server.endpoints.ResourceEndpoint;
import de.captaingoldfish.scim.sdk.server.endpoints.ResourceHandler;
import de.captaingoldfish.scim.sdk.server.endpoints.base.UserEndpointDefinition;
import de.captaingoldfish.scim.sdk.server.filter.FilterNode;
import de.captaingoldfish.scim.sdk.server.response.PartialListResponse;
import de.captaingoldfish.scim.sdk.server.schemas.ResourceType;

import java.util.List;

/**
 * The Captain-P-Goldfish SCIM-SDK needs a {@link ResourceEndpoint} with a registered User endpoint before it can parse
 * a filter: {@code RequestUtils.parseFilter(ResourceType, String)} resolves attributes through the endpoint's
 * {@link ResourceType} (core User schema plus the enterprise extension), and
 * {@code FilterResourceResolver.filterResources(ServiceProvider, List, FilterNode)} takes the service provider. This
 * builds that once, with a handler that is never called.
 */
final class GoldfishSetup {

    final ServiceProvider serviceProvider;
    final ResourceType userType;

    GoldfishSetup() {
        serviceProvider = ServiceProvider.builder().build();
        ResourceEndpoint endpoint = new ResourceEndpoint(serviceProvider);
        userType = endpoint.registerEndpoint(new UserEndpointDefinition(new UnusedHandler()));
    }

    /** The handler the User endpoint requires; the benchmarks never go through the endpoint. */
    private static final class UnusedHandler extends ResourceHandler<User> {

        @Override
        public User createResource(User resource, Context context) {
            throw new UnsupportedOperationException();
        }

        @Override
        public User getResource(String id, List<SchemaAttribute> attributes, List<SchemaAttribute> excludedAttributes,
                                Context context) {
            throw new UnsupportedOperationException();
        }

        @Override
        public PartialListResponse<User> listResources(long startIndex, int count, FilterNode filter,
                                                       SchemaAttribute sortBy, SortOrder sortOrder,
                                                       List<SchemaAttribute> attributes,
                                                       List<SchemaAttribute> excludedAttributes, Context context) {
            throw new UnsupportedOperationException();
        }

        @Override
        public User updateResource(User resource, Context context) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void deleteResource(String id, Context context) {
            throw new UnsupportedOperationException();
        }
    }
}
