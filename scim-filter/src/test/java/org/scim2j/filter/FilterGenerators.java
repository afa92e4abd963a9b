package org.scim2j.filter;

import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.scim2j.filter.Pbt.filtered;
import static org.scim2j.filter.Pbt.listsOf;
import static org.scim2j.filter.Pbt.nullable;
import static org.scim2j.filter.Pbt.oneOf;
import static org.scim2j.filter.Pbt.pick;
import static org.scim2j.filter.Pbt.strings;

/**
 * Generators of the filter language of RFC 7644 §3.4.2.2 for property tests: filters of every node type, attribute
 * and PATCH paths, literals with every escape, and text to break the parser with. Each shrinks towards small, plain
 * values (a leaf, no schema, a short name).
 */
public final class FilterGenerators {

    /**
     * Attribute names the lexer reads as keywords when they stand alone. {@code AttributePath} accepts the name
     * {@code pr}, but {@code Filter.pr("pr")} prints {@code pr pr}, which the grammar rejects (a known limitation).
     * The generators avoid bare keyword names; with a schema prefix or a sub-attribute they are fine and generated.
     */
    public static final List<String> KEYWORDS = List.of("eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le", "pr",
            "and", "or", "not", "true", "false", "null");

    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String DIGITS = "0123456789";

    private FilterGenerators() {
    }

    /** Filters up to three and/or/not levels deep, with value paths among the leaves. */
    public static Gen<Filter> filters() {
        return filter(3, true);
    }

    /** What stands between {@code and}/{@code or} without parentheses: comparisons, presence tests, value paths. */
    public static Gen<Filter> operands() {
        return oneOf(leaves(), valuePaths());
    }

    /** Value paths {@code attribute[filter]} whose filter is up to two levels deep. */
    public static Gen<Filter> valuePaths() {
        return valuePathAttributes().zip(filter(2, false), ValuePath::new);
    }

    /** Any attribute path: with or without schema URN and sub-attribute, keyword-like names included. */
    public static Gen<AttributePath> attributePaths() {
        return nullable(schemas(), 50).zip(names(), nullable(names(), 50), AttributePath::new);
    }

    /** PATCH paths of RFC 7644 §3.5.2: {@code attr}, {@code attr.sub}, {@code attr[filter]}, {@code attr[filter].sub}. */
    public static Gen<PatchPath> patchPaths() {
        // "pr.value" is a valid PATCH path (one ATTRPATH token), "pr" and "pr[...]" are not: see KEYWORDS.
        Gen<AttributePath> attributes = nullable(schemas(), 70).zip(names(),
                (schema, name) -> new AttributePath(schema, name, null));
        Gen<PatchPath> paths = attributes.zip(nullable(filter(2, false), 40), nullable(names(), 50), PatchPath::new);
        return filtered(paths, p -> !(isBareKeyword(p.attribute()) && (p.hasValueFilter() || p.subAttribute() == null)));
    }

    /** Text that is mostly made of filter tokens, and sometimes any UTF-16 units at all. */
    public static Gen<String> noise() {
        Gen<String> token = pick("a", "emails", "name.familyName", "urn:x:y:", "$ref", ".", ":",
                "eq", "EQ", "pr", "and", "or", "not", "(", ")", "[", "]", "\"", "\\", "\"x\"", "\"\\u00e9\"",
                "\\u", "1", "-", "0", "e", "1.5e-3", "true", "null", " ", " ", " ", "\t", "\n", "#", "@",
                "\ud83d\ude00", "\ud800", "\udc00", "\u0000", "\u0001", "\u00e9");
        Gen<String> tokens = listsOf(token, 0, 24).map(parts -> String.join("", parts));
        Gen<String> anything = strings('\u0000', '\uffff', 0, 30);
        return oneOf(tokens, tokens, anything);
    }

    /** One to three insertions, deletions or replacements of filter-ish text. */
    public static Gen<List<Mutation>> mutations() {
        Gen<String> text = pick("\"", "\\", "(", ")", "[", "]", " ", "and", "or", "not", "pr", "eq",
                ".", ":", "$", "-", "0", "1", "e", "x", "#", "\u0000", "\ud83d", "\ud83d\ude00");
        Gen<Mutation> mutation = integers().between(0, 2).zip(integers().between(0, Integer.MAX_VALUE), text,
                Mutation::new);
        return listsOf(mutation, 1, 3);
    }

    /** Comparison literals: strings with every escape, longs, decimals of any scale, true, false and null. */
    public static Gen<FilterValue> values() {
        Gen<FilterValue> strings = stringValues().map(FilterValue::of);
        Gen<FilterValue> longs = longs().all().map(l -> FilterValue.of(l.longValue()));
        Gen<FilterValue> decimals = unscaledUpTo1e25().zip(integers().between(-30, 30),
                (unscaled, scale) -> FilterValue.of(new BigDecimal(unscaled, scale)));
        Gen<FilterValue> literals = pick(FilterValue.of(true), FilterValue.of(false), FilterValue.NULL);
        return oneOf(strings, strings, longs, decimals, literals);
    }

    /**
     * Up to eight pieces: ASCII, JSON escapes, filter keywords and supplementary characters; always Unicode text, as
     * the parser accepts only that (a lone surrogate is refused, see {@code InvalidFilterTest}).
     */
    public static Gen<String> stringValues() {
        Gen<String> piece = oneOf(
                strings('\u0000', '\u007f', 1, 1),
                pick("\"", "\\", "/", "\b", "\f", "\n", "\r", "\t", "\u0000", "\u001f", "\u007f", "\u00e9",
                        "\u2028", "\ufeff", " and ", " or ", "not (", ")", "]", "[", "\\u00e9", "\\\""),
                integers().between(0x10000, 0x10FFFF).map(cp -> new String(Character.toChars(cp))),
                strings('\u0080', '\ud7ff', 1, 1));
        return listsOf(piece, 0, 8).map(parts -> String.join("", parts));
    }

    /** Attribute names: SCIM's own, random ones, and keywords in upper case. */
    public static Gen<String> names() {
        Gen<String> known = pick("userName", "name", "familyName", "emails", "type", "value",
                "primary", "display", "$ref", "meta", "lastModified", "x509Certificates", "employeeNumber", "id");
        Gen<String> random = strings(LETTERS + "$", 1, 1).zip(strings(LETTERS + DIGITS + "-_", 0, 8), String::concat);
        Gen<String> keywordLike = Generate.pick(KEYWORDS).map(k -> k.toUpperCase(Locale.ROOT));
        return oneOf(known, random, random, keywordLike);
    }

    /** Schema URNs: SCIM's own and random ones of one to four segments. */
    public static Gen<String> schemas() {
        Gen<String> known = pick("urn:ietf:params:scim:schemas:core:2.0:User",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
                "urn:ietf:params:scim:schemas:core:2.0:Group");
        Gen<String> segment = strings(LETTERS + DIGITS, 1, 6).zip(pick("", "", ".0", "-x", "_y", "2.0"),
                String::concat);
        Gen<String> random = listsOf(segment, 1, 4).map(s -> "urn:" + String.join(":", s));
        return oneOf(known, random);
    }

    private static Gen<Filter> filter(int depth, boolean withValuePaths) {
        Gen<Filter> leaf = withValuePaths ? oneOf(leaves(), leaves(), valuePathsFlat()) : leaves();
        if (depth == 0) {
            return leaf;
        }
        Gen<Filter> child = filter(depth - 1, withValuePaths);
        Gen<Filter> and = listsOf(child, 2, 3).map(And::new);
        Gen<Filter> or = listsOf(child, 2, 3).map(Or::new);
        Gen<Filter> not = child.map(Not::new);
        return oneOf(leaf, leaf, and, or, not);
    }

    private static Gen<Filter> valuePathsFlat() {
        return valuePathAttributes().zip(filter(1, false), ValuePath::new);
    }

    private static Gen<Filter> leaves() {
        Gen<Filter> comparison = filterPaths().zip(Generate.enumValues(CompareOp.class), values(), Comparison::new);
        Gen<Filter> presence = filterPaths().map(Presence::new);
        return oneOf(comparison, comparison, presence);
    }

    /** Paths that can stand at the start of a comparison or presence test. */
    private static Gen<AttributePath> filterPaths() {
        return filtered(nullable(schemas(), 60).zip(names(), nullable(names(), 60), AttributePath::new),
                p -> !isBareKeyword(p));
    }

    /** Value path attributes carry no sub-attribute. */
    private static Gen<AttributePath> valuePathAttributes() {
        return filtered(nullable(schemas(), 70).zip(names(), (schema, name) -> new AttributePath(schema, name, null)),
                p -> !isBareKeyword(p));
    }

    private static boolean isBareKeyword(AttributePath path) {
        return path.schema() == null && path.subAttribute() == null
                && KEYWORDS.contains(path.name().toLowerCase(Locale.ROOT));
    }

    /** Integers between -10^25 and 10^25, shrinking towards 0. */
    private static Gen<BigInteger> unscaledUpTo1e25() {
        long tenTo13 = 10_000_000_000_000L;
        return longs().between(-1_000_000_000_000L, 1_000_000_000_000L).zip(longs().between(1 - tenTo13, tenTo13 - 1),
                (high, low) -> BigInteger.valueOf(high).multiply(BigInteger.valueOf(tenTo13)).add(BigInteger.valueOf(low)));
    }

    /** Inserts, deletes or replaces text at a position taken modulo the length of the text. */
    public record Mutation(int kind, int at, String text) {
        /** The input with this edit. */
        public String apply(String input) {
            if (kind == 0 || input.isEmpty()) {
                int i = at % (input.length() + 1);
                return input.substring(0, i) + text + input.substring(i);
            }
            int i = at % input.length();
            return input.substring(0, i) + (kind == 1 ? "" : text) + input.substring(i + 1);
        }
    }
}
