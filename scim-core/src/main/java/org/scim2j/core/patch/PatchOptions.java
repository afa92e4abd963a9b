package org.scim2j.core.patch;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A named compatibility profile: which {@link Tolerance}s the PATCH engine applies. Immutable.
 *
 * <pre>{@code
 *   PatchOptions.lenient()                                              // default: every dialect below
 *   PatchOptions.strict()                                               // RFC 7644 only
 *   PatchOptions.entra().with(Tolerance.EMPTY_OPERATIONS, false)        // a profile, one switch changed
 * }</pre>
 */
public final class PatchOptions {

    private final String name;
    private final Set<Tolerance> tolerances;

    private PatchOptions(String name, Set<Tolerance> tolerances) {
        this.name = Objects.requireNonNull(name);
        this.tolerances = tolerances.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(tolerances));
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
        return new PatchOptions(name + (on ? "+" : "-") + tolerance, next);
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

    /** Two profiles are equal when they switch on the same tolerances, whatever their names. */
    @Override
    public boolean equals(Object o) {
        return o instanceof PatchOptions other && tolerances.equals(other.tolerances);
    }

    @Override
    public int hashCode() {
        return tolerances.hashCode();
    }

    @Override
    public String toString() {
        return "PatchOptions[" + name + "]";
    }
}
