package org.scim2j.spi.internal;

import org.scim2j.core.filter.FilterEvaluator;
import org.scim2j.core.json.ResourceNormalizer;
import org.scim2j.core.json.SchemaValidator;
import org.scim2j.core.json.ScimJson;
import org.scim2j.core.json.WriteRules;
import org.scim2j.core.patch.PatchEngine;
import org.scim2j.core.patch.Tolerance;
import org.scim2j.core.schema.SchemaRegistry;
import org.scim2j.filter.FilterParser;
import org.scim2j.spi.service.MeResolver;
import org.scim2j.spi.service.ScimServiceConfig;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Everything the endpoints share, built once per service. Immutable and thread-safe. */
public final class ServiceContext {

    private final SchemaRegistry registry;
    private final ScimServiceConfig config;
    private final Map<String, ResourceBinding<?>> bindingsByEndpoint;
    private final MeResolver meResolver;
    private final ResourceNormalizer normalizer;
    private final SchemaValidator validator;
    private final FilterEvaluator evaluator;
    private final PatchEngine patchEngine;
    private final FilterParser filterParser;
    private final WriteRules writeRules;
    private final Observers observers;

    /**
     * @param registry   the schemas and resource types served
     * @param config     the configuration
     * @param bindings   the bound resource types, in registration order
     * @param meResolver the {@code /Me} resolver, or null
     */
    public ServiceContext(SchemaRegistry registry, ScimServiceConfig config, Collection<ResourceBinding<?>> bindings,
                          MeResolver meResolver) {
        this(registry, config, bindings, meResolver, new Observers(java.util.List.of()));
    }

    /**
     * @param registry   the schemas and resource types served
     * @param config     the configuration
     * @param bindings   the bound resource types, in registration order
     * @param meResolver the {@code /Me} resolver, or null
     * @param observers  the registered observers
     */
    public ServiceContext(SchemaRegistry registry, ScimServiceConfig config, Collection<ResourceBinding<?>> bindings,
                          MeResolver meResolver, Observers observers) {
        this.observers = observers;
        this.registry = registry;
        this.config = config;
        Map<String, ResourceBinding<?>> byEndpoint = new LinkedHashMap<>();
        bindings.forEach(b -> byEndpoint.put(b.type().endpoint().toLowerCase(Locale.ROOT), b));
        this.bindingsByEndpoint = Collections.unmodifiableMap(byEndpoint);
        this.meResolver = meResolver;
        this.normalizer = ResourceNormalizer.builder(registry).unknownAttributes(config.unknownAttributes())
                .lenientBooleans(config.patchOptions().allows(Tolerance.BOOLEAN_STRINGS)).build();
        this.validator = SchemaValidator.builder(registry).build();
        this.writeRules = new WriteRules(registry);
        this.evaluator = new FilterEvaluator(registry);
        this.patchEngine = new PatchEngine(registry, config.patchOptions());
        this.filterParser = config.lenientFilters() ? FilterParser.lenient() : FilterParser.strict();
    }

    /** What a write may change (readOnly, immutable, required, primary), for every endpoint that writes. */
    public WriteRules writeRules() {
        return writeRules;
    }

    /** The schema registry. */
    public SchemaRegistry registry() {
        return registry;
    }

    /** The configuration. */
    public ScimServiceConfig config() {
        return config;
    }

    /** The JSON reader and writer. */
    public ScimJson json() {
        return config.json();
    }

    /** The binding served at an endpoint such as {@code /Users} (ignoring case), or null. */
    public ResourceBinding<?> binding(String endpoint) {
        return bindingsByEndpoint.get(endpoint.toLowerCase(Locale.ROOT));
    }

    /** The binding of a resource type name such as {@code User}, or null. */
    public ResourceBinding<?> bindingForType(String typeName) {
        for (ResourceBinding<?> b : bindingsByEndpoint.values()) {
            if (b.type().name().equalsIgnoreCase(typeName)) {
                return b;
            }
        }
        return null;
    }

    /** Every binding, in registration order. */
    public Collection<ResourceBinding<?>> bindings() {
        return bindingsByEndpoint.values();
    }

    /** The {@code /Me} resolver, or null. */
    public MeResolver meResolver() {
        return meResolver;
    }

    /** The input normaliser (canonical names, unassigned values, unknown attributes). */
    public ResourceNormalizer normalizer() {
        return normalizer;
    }

    /** The schema validator. */
    public SchemaValidator validator() {
        return validator;
    }

    /** The filter evaluator. */
    public FilterEvaluator evaluator() {
        return evaluator;
    }

    /** The PATCH engine. */
    public PatchEngine patchEngine() {
        return patchEngine;
    }

    /** The registered observers. */
    public Observers observers() {
        return observers;
    }

    /** The filter parser (strict or lenient as configured). */
    public FilterParser filterParser() {
        return filterParser;
    }
}
