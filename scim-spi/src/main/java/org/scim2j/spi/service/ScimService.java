package org.scim2j.spi.service;

import org.scim2j.core.error.ErrorResponse;
import org.scim2j.core.error.ScimException;
import org.scim2j.core.resource.GenericResource;
import org.scim2j.core.resource.Group;
import org.scim2j.core.resource.User;
import org.scim2j.core.schema.ResourceType;
import org.scim2j.core.schema.SchemaRegistry;
import org.scim2j.core.schema.Schemas;
import org.scim2j.spi.GenericRepository;
import org.scim2j.spi.GroupRepository;
import org.scim2j.spi.UserRepository;
import org.scim2j.spi.internal.BulkEndpoint;
import org.scim2j.spi.internal.DiscoveryEndpoint;
import org.scim2j.spi.internal.QueryEndpoint;
import org.scim2j.spi.internal.ResourceBinding;
import org.scim2j.spi.internal.ResourceEndpoint;
import org.scim2j.spi.event.RequestOutcome;
import org.scim2j.spi.event.ScimObserver;
import org.scim2j.spi.internal.Observers;
import org.scim2j.spi.internal.RequestContexts;
import org.scim2j.spi.internal.Responses;
import org.scim2j.spi.internal.Route;
import org.scim2j.spi.internal.Router;
import org.scim2j.spi.internal.ServiceContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The SCIM 2.0 protocol (RFC 7644) over a host's repositories, independent of HTTP: a request goes in, a response
 * comes out, and nothing is thrown. Thread-safe; build one per host.
 *
 * <pre>{@code
 *   ScimService scim = ScimService.builder()
 *       .users(new MyUserRepository(dataSource))
 *       .groups(new MyGroupRepository(dataSource))
 *       .config(ScimServiceConfig.defaults().withNoContentOnPatch(Set.of("Group")))
 *       .build();
 *   ScimResponse response = scim.handle(ScimRequest.of("GET", "/Users", "https://example.com/scim/v2"));
 *   // a transport sets response.status() and response.headers(), then streams the body:
 *   response.writeBody(httpOutputStream);
 * }</pre>
 *
 * <p>Bodies are written when they are sent ({@link ScimResponse#writeBody}), from the resources the repository
 * returned; a repository must not change a returned resource afterwards.
 *
 * <p>Client errors become SCIM Error responses with the status and {@code scimType} of RFC 7644 §3.12, logged at
 * DEBUG (a client can cause as many as it likes). Anything else (a repository failure, a bug) becomes a 500 whose
 * detail says nothing about internals; it is logged at ERROR with the request id.
 *
 * <p>Observers ({@link Builder#observer}) see each successful write and the outcome of each request; an HTTP entry
 * point tells them of the requests it refuses itself ({@link #refused}).
 */
public final class ScimService {

    private static final Logger LOG = LoggerFactory.getLogger(ScimService.class);

    private final ServiceContext context;
    private final Router router;
    private final ResourceEndpoint resources;
    private final QueryEndpoint queries;
    private final DiscoveryEndpoint discovery;
    private final BulkEndpoint bulk;

    private ScimService(Builder b) {
        this.context = new ServiceContext(b.registry, b.config, b.bindings, b.meResolver,
                new Observers(b.observers));
        this.router = new Router(context);
        this.resources = new ResourceEndpoint(context);
        this.queries = new QueryEndpoint(context);
        this.discovery = new DiscoveryEndpoint(context);
        this.bulk = new BulkEndpoint(context, r -> dispatch(r, new Routed()));
    }

    /** A builder; register at least one repository. */
    public static Builder builder() {
        return new Builder();
    }

    /** The configuration in force. */
    public ScimServiceConfig config() {
        return context.config();
    }

    /** The schemas and resource types served. */
    public SchemaRegistry registry() {
        return context.registry();
    }

    /**
     * Handles one request. Never throws. The registered {@link ScimObserver}s see its writes and its outcome.
     */
    public ScimResponse handle(ScimRequest request) {
        long start = System.nanoTime();
        Routed routed = new Routed();
        ScimResponse response = dispatch(request, routed);
        context.observers().ended(new RequestOutcome(request.method(), routed.resourceType, response.status(),
                routed.scimType, Duration.ofNanos(System.nanoTime() - start),
                RequestContexts.of(request, routed.route)));
        return response;
    }

    /**
     * Tells the observers of a request refused before it reached {@link #handle} (by an HTTP binding: 401, 406,
     * 413, ...), so that they see every request.
     *
     * @param request  the request as far as it was read (its body may be empty)
     * @param status   the status sent
     * @param scimType the error's {@code scimType}, or {@code null}
     * @param duration the time since the request arrived
     */
    public void refused(ScimRequest request, int status, String scimType, Duration duration) {
        context.observers().ended(new RequestOutcome(request.method(), null, status, scimType, duration,
                RequestContexts.of(request, (Route) null)));
    }

    /** What routing found out, for the outcome: set as the request goes along. */
    private static final class Routed {
        Route route;
        String resourceType;
        String scimType;
    }

    /** Handles a request (or a bulk operation) without telling observers its outcome. */
    private ScimResponse dispatch(ScimRequest request, Routed routed) {
        try {
            Route route = router.route(request.path());
            routed.route = route;
            routed.resourceType = RequestContexts.resourceType(route);
            if (!route.kind().allows(request.method())) {
                return Responses.methodNotAllowed(request.method(), request.path(),
                        route.kind().allow());
            }
            return switch (route.kind()) {
                case SERVICE_PROVIDER_CONFIG, RESOURCE_TYPES, SCHEMAS -> discovery.handle(request, route);
                case BULK -> bulk.handle(request);
                case ROOT_SEARCH, COLLECTION_SEARCH -> queries.search(request, route);
                case COLLECTION -> request.method().equals("GET") ? queries.list(request, route)
                        : resources.create(request, route);
                case RESOURCE -> resources.handle(request, route);
                case ME -> me(request, route, routed);
            };
        } catch (ScimException e) {
            ErrorResponse error = e.toErrorResponse();
            routed.scimType = error.scimType() == null ? null : error.scimType().wireName();
            if (e.status() >= 500 && e.status() != 501) {
                LOG.error("request {} failed: {}", request.requestId(), e.getMessage(), e);
            } else if (LOG.isDebugEnabled()) {
                // the client's doing (a 4xx, or a 501 for what this service does not offer): no ERROR, no stack
                LOG.debug("request {} refused: {} {} {}", request.requestId(), e.status(), error.scimType(),
                        error.detail());
            }
            return ScimResponse.error(e);
        } catch (RuntimeException | StackOverflowError e) {
            LOG.error("request {} ({} {}) failed", request.requestId(), request.method(), request.path(), e);
            return ScimResponse.error(ScimException.internal(e));
        }
    }

    /** RFC 7644 §3.11: {@code /Me} is the authenticated subject's User. */
    private ScimResponse me(ScimRequest request, Route route, Routed routed) {
        MeResolver resolver = context.meResolver();
        if (resolver == null) {
            throw ScimException.notImplemented("/Me is not supported by this service provider");
        }
        if (request.principal() == null) {
            throw ScimException.unauthorized("/Me needs an authenticated subject");
        }
        String id = resolver.userId(request.principal()).orElseThrow(
                () -> ScimException.notFound("the authenticated subject has no User resource"));
        ResourceBinding<?> users = context.bindingForType("User");
        if (users == null || id.isEmpty()) {
            throw ScimException.notFound("the authenticated subject has no User resource");
        }
        String rest = route.id() == null ? "" : "/" + route.id();
        return dispatch(request.derive(request.method(), users.type().endpoint() + "/" + id + rest,
                request.query(), request.headers(), request.body()), routed);
    }

    /** Collects repositories and configuration; not thread-safe. */
    public static final class Builder {
        private SchemaRegistry registry = SchemaRegistry.standard();
        private ScimServiceConfig config = ScimServiceConfig.defaults();
        private final List<ResourceBinding<?>> bindings = new ArrayList<>();
        private MeResolver meResolver;
        private UserRepository users;
        private GroupRepository groups;
        private final List<Object[]> custom = new ArrayList<>();
        private final List<ScimObserver> observers = new ArrayList<>();

        private Builder() {
        }

        /** The schemas and resource types (default: {@link SchemaRegistry#standard()}). */
        public Builder registry(SchemaRegistry value) {
            this.registry = Objects.requireNonNull(value);
            return this;
        }

        /** The configuration (default: {@link ScimServiceConfig#defaults()}). */
        public Builder config(ScimServiceConfig value) {
            this.config = Objects.requireNonNull(value);
            return this;
        }

        /** The store of {@code /Users}. */
        public Builder users(UserRepository value) {
            this.users = Objects.requireNonNull(value);
            return this;
        }

        /** The store of {@code /Groups}. */
        public Builder groups(GroupRepository value) {
            this.groups = Objects.requireNonNull(value);
            return this;
        }

        /** The store of a custom resource type, which must be in the registry. */
        public Builder resources(String resourceTypeName, GenericRepository repository) {
            custom.add(new Object[] {Objects.requireNonNull(resourceTypeName), Objects.requireNonNull(repository)});
            return this;
        }

        /** The resolver for {@code /Me}; without one {@code /Me} answers 501. */
        public Builder me(MeResolver value) {
            this.meResolver = value;
            return this;
        }

        /**
         * Adds an observer of writes and request outcomes; several may be added, and are called in this order.
         */
        public Builder observer(ScimObserver value) {
            observers.add(Objects.requireNonNull(value));
            return this;
        }

        /**
         * Builds the service.
         *
         * @throws IllegalStateException if no repository is registered or a resource type is not in the registry
         */
        public ScimService build() {
            bindings.clear();
            var json = config.json();
            if (users != null) {
                ResourceType type = type(Schemas.USER_RESOURCE_TYPE.name());
                bindings.add(new ResourceBinding<>(type, users, json::toTree, tree -> json.toTyped(tree, User.class),
                        new ResourceBinding.TypedMeta<>(User::id, User::meta, (u, m) -> u.toBuilder().meta(m).build())));
            }
            if (groups != null) {
                ResourceType type = type(Schemas.GROUP_RESOURCE_TYPE.name());
                bindings.add(new ResourceBinding<>(type, groups, json::toTree,
                        tree -> json.toTyped(tree, Group.class),
                        new ResourceBinding.TypedMeta<>(Group::id, Group::meta, (g, m) -> g.toBuilder().meta(m).build())));
            }
            for (Object[] c : custom) {
                ResourceType type = type((String) c[0]);
                bindings.add(new ResourceBinding<>(type, (GenericRepository) c[1], GenericResource::json,
                        GenericResource::of, null));
            }
            if (bindings.isEmpty()) {
                throw new IllegalStateException("register at least one repository");
            }
            return new ScimService(this);
        }

        private ResourceType type(String name) {
            return registry.resourceType(name).orElseThrow(() -> new IllegalStateException(
                    "resource type " + name + " is not in the schema registry"));
        }
    }
}
