package org.scim2j.core.patch;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A named compatibility profile: which {@link Tolerance}s the PATCH engine applies, and how large a request it
 * accepts. Immutable.
 *
 * <pre>{@code
 *   PatchOptions.lenient()                                              // default: every dialect below
 *   PatchOptions.strict()                                               // RFC 7644 only
 *   PatchOptions.entra().with(Tolerance.EMPTY_OPERATIONS, false)        // a profile, one switch changed
 *   PatchOptions.lenient().withMaxOperations(100)                       // smaller requests only
 * }</pre>
 *
 * <p>The limits bound the work one request can cause. RFC 7644 gives them no place in
 * {@code /ServiceProviderConfig}, so a request over one is refused with 400 {@code invalidValue} whose detail names
 * the limit and its value. The defaults accept anything a 1 MiB body can carry of real identity-provider traffic.
 */
public final class PatchOptions {

    /** Default {@link #maxOperations()}: 1,000. */
    public static final int DEFAULT_MAX_OPERATIONS = 1_000;
    /** Default {@link #maxValuesPerAttribute()}: 100,000 (more than a 1 MiB body holds). */
    public static final int DEFAULT_MAX_VALUES_PER_ATTRIBUTE = 100_000;

    private final String name;
    private final Set<Tolerance> tolerances;
    private final int maxOperations;
    private final int maxValuesPerAttribute;

    private PatchOptions(String name, Set<Tolerance> tolerances) {
        this(name, tolerances, DEFAULT_MAX_OPERATIONS, DEFAULT_MAX_VALUES_PER_ATTRIBUTE);
    }

    private PatchOptions(String name, Set<Tolerance> tolerances, int maxOperations, int maxValuesPerAttribute) {
        this.name = Objects.requireNonNull(name);
        this.tolerances = tolerances.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(tolerances));
        if (maxOperations < 1 || maxValuesPerAttribute < 1) {
            throw new IllegalArgumentException("PATCH limits must be at least 1");
        }
        this.maxOperations = maxOperations;
        this.maxValuesPerAttribute = maxValuesPerAttribute;
    }

    /** RFC 7644 only: no tolerance. */
    public static PatchOptions strict() {
        return new PatchOptions("strict", EnumSet.noneOf(Tolerance.class));
    }

    /** Every tolerance: accepts the Okta and Entra dialects and the RFC. The default. */
    public static PatchOptions lenient() {
        return new PatchOptions("lenient", EnumSet.allOf(Tolerance.class));
    }

    /** What Okta sends: echoed group ids, member values with extra keys, idempotent member removal. */
    public static PatchOptions okta() {
        return new PatchOptions("okta", EnumSet.of(Tolerance.ECHOED_ID, Tolerance.LENIENT_MEMBER_VALUES,
                Tolerance.REMOVE_WITHOUT_TARGET));
    }

    /** What Microsoft Entra ID (and its SCIM validator) sends. */
    public static PatchOptions entra() {
        return new PatchOptions("entra", EnumSet.of(Tolerance.CASE_INSENSITIVE_OPS, Tolerance.BOOLEAN_STRINGS,
                Tolerance.UPSERT_FILTERED_SUB_ATTRIBUTE, Tolerance.REMOVE_MEMBERS_BY_VALUE,
                Tolerance.PATH_KEYS_IN_VALUE, Tolerance.MANAGER_SHORTHAND, Tolerance.LENIENT_MEMBER_VALUES,
                Tolerance.EMPTY_OPERATIONS, Tolerance.REMOVE_WITHOUT_TARGET));
    }

    /** This profile with one tolerance switched on or off. */
    public PatchOptions with(Tolerance tolerance, boolean on) {
        EnumSet<Tolerance> next = tolerances.isEmpty() ? EnumSet.noneOf(Tolerance.class) : EnumSet.copyOf(tolerances);
        if (on) {
            next.add(tolerance);
        } else {
            next.remove(tolerance);
        }
        return new PatchOptions(name + (on ? "+" : "-") + tolerance, next, maxOperations, maxValuesPerAttribute);
    }

    /** This profile accepting at most {@code value} operations per request ({@code scim.patch.maxOperations}). */
    public PatchOptions withMaxOperations(int value) {
        return new PatchOptions(name, tolerances, value, maxValuesPerAttribute);
    }

    /**
     * This profile accepting at most {@code value} values for one multi-valued attribute in one operation
     * ({@code scim.patch.maxValuesPerAttribute}), e.g. the members one {@code add} gives a group.
     */
    public PatchOptions withMaxValuesPerAttribute(int value) {
        return new PatchOptions(name, tolerances, maxOperations, value);
    }

    /** The most operations one request may have. */
    public int maxOperations() {
        return maxOperations;
    }

    /** The most values one operation may give one multi-valued attribute. */
    public int maxValuesPerAttribute() {
        return maxValuesPerAttribute;
    }

    /** Whether a tolerance is on. */
    public boolean allows(Tolerance tolerance) {
        return tolerances.contains(tolerance);
    }

    /** The tolerances that are on. */
    public Set<Tolerance> tolerances() {
        return tolerances;
    }

    /** The profile's name ({@code strict}, {@code okta}, ... with changed switches appended). */
    public String name() {
        return name;
    }

    /** Two profiles are equal when they switch on the same tolerances and have the same limits, whatever their names. */
    @Override
    public boolean equals(Object o) {
        return o instanceof PatchOptions other && tolerances.equals(other.tolerances)
                && maxOperations == other.maxOperations && maxValuesPerAttribute == other.maxValuesPerAttribute;
    }

    @Override
    public int hashCode() {
        return Objects.hash(tolerances, maxOperations, maxValuesPerAttribute);
    }

    @Override
    public String toString() {
        return "PatchOptions[" + name + ", maxOperations=" + maxOperations + ", maxValuesPerAttribute="
                + maxValuesPerAttribute + "]";
    }
}
