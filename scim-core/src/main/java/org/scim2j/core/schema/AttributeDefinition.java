package org.scim2j.core.schema;

import org.scim2j.core.internal.TextKeys;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One attribute of a schema with every characteristic of RFC 7643 §2.2 and §7. Immutable and thread-safe.
 *
 * <pre>{@code
 *   AttributeDefinition userName = AttributeDefinition.builder("userName", AttributeType.STRING)
 *       .required(true).uniqueness(Uniqueness.SERVER).build();
 * }</pre>
 *
 * Unset characteristics take the RFC 7643 §2.2 defaults: not required, not case-exact, {@code readWrite},
 * returned by {@code default}, uniqueness {@code none}, single-valued.
 */
public final class AttributeDefinition {

    private final String name;
    private final AttributeType type;
    private final boolean multiValued;
    private final String description;
    private final boolean required;
    private final boolean caseExact;
    private final Mutability mutability;
    private final Returned returned;
    private final Uniqueness uniqueness;
    private final List<String> canonicalValues;
    private final List<String> referenceTypes;
    private final List<AttributeDefinition> subAttributes;
    private final Map<String, AttributeDefinition> subAttributesByLowerName;
    private final Map<String, AttributeDefinition> subAttributesByName;

    private AttributeDefinition(Builder b) {
        this.name = b.name;
        this.type = b.type;
        this.multiValued = b.multiValued;
        this.description = b.description;
        this.required = b.required;
        this.caseExact = b.caseExact;
        this.mutability = b.mutability;
        this.returned = b.returned;
        this.uniqueness = b.uniqueness;
        this.canonicalValues = List.copyOf(b.canonicalValues);
        this.referenceTypes = List.copyOf(b.referenceTypes);
        this.subAttributes = List.copyOf(b.subAttributes);
        Map<String, AttributeDefinition> index = new HashMap<>();
        for (AttributeDefinition sub : subAttributes) {
            if (index.put(lower(sub.name), sub) != null) {
                throw new IllegalArgumentException("duplicate sub-attribute '" + sub.name + "' in '" + name + "'");
            }
        }
        this.subAttributesByLowerName = Collections.unmodifiableMap(index);
        Map<String, AttributeDefinition> exact = new HashMap<>();
        subAttributes.forEach(s -> exact.put(s.name, s));
        this.subAttributesByName = Collections.unmodifiableMap(exact);
        if (type == AttributeType.COMPLEX && subAttributes.isEmpty()) {
            throw new IllegalArgumentException("complex attribute '" + name + "' has no sub-attributes");
        }
        if (type != AttributeType.COMPLEX && !subAttributes.isEmpty()) {
            throw new IllegalArgumentException("only complex attributes have sub-attributes: '" + name + "'");
        }
    }

    /** A builder for an attribute with the RFC defaults. */
    public static Builder builder(String name, AttributeType type) {
        return new Builder(name, type);
    }

    /** A builder that starts from this definition. */
    public Builder toBuilder() {
        Builder b = new Builder(name, type).multiValued(multiValued).description(description).required(required)
                .caseExact(caseExact).mutability(mutability).returned(returned).uniqueness(uniqueness)
                .canonicalValues(canonicalValues).referenceTypes(referenceTypes);
        b.subAttributes.addAll(subAttributes);
        return b;
    }

    /** The attribute name as the schema spells it (the canonical spelling). */
    public String name() {
        return name;
    }

    /** The data type. */
    public AttributeType type() {
        return type;
    }

    /** Whether the attribute holds an array of values. */
    public boolean multiValued() {
        return multiValued;
    }

    /** The description, or {@code null}. */
    public String description() {
        return description;
    }

    /** Whether a value is required. */
    public boolean required() {
        return required;
    }

    /** Whether string values compare case-sensitively. */
    public boolean caseExact() {
        return caseExact;
    }

    /**
     * A key under which two string values of this attribute are equal exactly when they are equal as
     * {@link #caseExact()} says (RFC 7643 §2.2): the text itself, or its case folded as
     * {@link String#equalsIgnoreCase} folds it. For sets and maps of values, such as a group's member ids.
     */
    public String valueKey(String text) {
        return TextKeys.of(text, caseExact);
    }

    /** Who may change the attribute. */
    public Mutability mutability() {
        return mutability;
    }

    /** When the attribute is returned. */
    public Returned returned() {
        return returned;
    }

    /** How unique values must be. */
    public Uniqueness uniqueness() {
        return uniqueness;
    }

    /** Suggested values (e.g. {@code work}, {@code home}); empty if none. */
    public List<String> canonicalValues() {
        return canonicalValues;
    }

    /** For references: the resource types referenced ({@code User}, {@code Group}, {@code external}, {@code uri}). */
    public List<String> referenceTypes() {
        return referenceTypes;
    }

    /** The sub-attributes of a complex attribute, in schema order; empty otherwise. */
    public List<AttributeDefinition> subAttributes() {
        return subAttributes;
    }

    /** The sub-attribute with this name, ignoring case (RFC 7643 §2.1), or {@code null}. */
    public AttributeDefinition subAttribute(String subName) {
        AttributeDefinition exact = subAttributesByName.get(subName);
        return exact != null ? exact : subAttributesByLowerName.get(lower(subName));
    }

    /** Whether this is a complex attribute. */
    public boolean isComplex() {
        return type == AttributeType.COMPLEX;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return name + "(" + type.wireName() + (multiValued ? "[]" : "") + ")";
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof AttributeDefinition that)) {
            return false;
        }
        return multiValued == that.multiValued && required == that.required && caseExact == that.caseExact
                && name.equals(that.name) && type == that.type && Objects.equals(description, that.description)
                && mutability == that.mutability && returned == that.returned && uniqueness == that.uniqueness
                && canonicalValues.equals(that.canonicalValues) && referenceTypes.equals(that.referenceTypes)
                && subAttributes.equals(that.subAttributes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, multiValued, required, caseExact, mutability, returned, uniqueness,
                subAttributes);
    }

    /** Builds an {@link AttributeDefinition}; not thread-safe. */
    public static final class Builder {
        private final String name;
        private final AttributeType type;
        private boolean multiValued;
        private String description;
        private boolean required;
        private boolean caseExact;
        private Mutability mutability = Mutability.READ_WRITE;
        private Returned returned = Returned.DEFAULT;
        private Uniqueness uniqueness = Uniqueness.NONE;
        private List<String> canonicalValues = List.of();
        private List<String> referenceTypes = List.of();
        private final List<AttributeDefinition> subAttributes = new ArrayList<>();

        private Builder(String name, AttributeType type) {
            this.name = Objects.requireNonNull(name, "name");
            this.type = Objects.requireNonNull(type, "type");
            if (name.isEmpty()) {
                throw new IllegalArgumentException("empty attribute name");
            }
        }

        /** Sets multiValued. */
        public Builder multiValued(boolean value) {
            this.multiValued = value;
            return this;
        }

        /** Sets the description. */
        public Builder description(String value) {
            this.description = value;
            return this;
        }

        /** Sets required. */
        public Builder required(boolean value) {
            this.required = value;
            return this;
        }

        /** Sets caseExact. */
        public Builder caseExact(boolean value) {
            this.caseExact = value;
            return this;
        }

        /** Sets the mutability. */
        public Builder mutability(Mutability value) {
            this.mutability = Objects.requireNonNull(value);
            return this;
        }

        /** Sets when the attribute is returned. */
        public Builder returned(Returned value) {
            this.returned = Objects.requireNonNull(value);
            return this;
        }

        /** Sets the uniqueness. */
        public Builder uniqueness(Uniqueness value) {
            this.uniqueness = Objects.requireNonNull(value);
            return this;
        }

        /** Sets the canonical values. */
        public Builder canonicalValues(List<String> values) {
            this.canonicalValues = List.copyOf(values);
            return this;
        }

        /** Sets the referenced resource types. */
        public Builder referenceTypes(List<String> values) {
            this.referenceTypes = List.copyOf(values);
            return this;
        }

        /** Adds a sub-attribute. */
        public Builder subAttribute(AttributeDefinition sub) {
            this.subAttributes.add(Objects.requireNonNull(sub));
            return this;
        }

        /** Builds the immutable definition. */
        public AttributeDefinition build() {
            return new AttributeDefinition(this);
        }
    }
}
