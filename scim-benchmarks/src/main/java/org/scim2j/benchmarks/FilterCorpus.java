package org.scim2j.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * Realistic SCIM filters (RFC 7644 §3.4.2.2) for the parser benchmarks: the RFC's own examples, the lookups that
 * Okta and Microsoft Entra ID send while provisioning, value paths, schema-URN-prefixed paths, dateTime and number
 * comparisons, JSON escapes, {@code not (...)}, and long {@code and} / {@code or} chains.
 *
 * <p>Every filter is valid for the strict scim2j parser and for UnboundID's parser ({@code FilterCorpusTest} checks
 * both), so the benchmarks measure the success path only. The filters hold JSON escapes (a backslash before a quote,
 * a backslash, a slash, a tab or a {@code u00e9}-style code unit), doubled as Java source requires.
 */
public final class FilterCorpus {

    /** The RFC 7644 §3.4.2.2 examples, verbatim (the RFC's own spacing and quoting). */
    public static final List<String> RFC_7644 = List.of(
            "userName eq \"bjensen\"",
            "name.familyName co \"O'Malley\"",
            "userName sw \"J\"",
            "urn:ietf:params:scim:schemas:core:2.0:User:userName sw \"J\"",
            "title pr",
            "meta.lastModified gt \"2011-05-13T04:42:34Z\"",
            "meta.lastModified ge \"2011-05-13T04:42:34Z\"",
            "meta.lastModified lt \"2011-05-13T04:42:34Z\"",
            "meta.lastModified le \"2011-05-13T04:42:34Z\"",
            "title pr and userType eq \"Employee\"",
            "title pr or userType eq \"Intern\"",
            "schemas eq \"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"",
            "userType eq \"Employee\" and (emails co \"example.com\" or emails.value co \"example.org\")",
            "userType ne \"Employee\" and not (emails co \"example.com\" or emails.value co \"example.org\")",
            "userType eq \"Employee\" and (emails.type eq \"work\")",
            "userType eq \"Employee\" and emails[type eq \"work\" and value co \"@example.com\"]",
            "emails[type eq \"work\" and value co \"@example.com\"] or ims[type eq \"xmpp\" and value co"
                    + " \"@foo.com\"]");

    /** What identity providers send while provisioning: existence lookups before a create, group lookups. */
    public static final List<String> IDENTITY_PROVIDERS = List.of(
            // Okta
            "userName eq \"test.user@okta.local\"",
            "userName eq \"isabella.garcia@example.com\"",
            "displayName eq \"Okta Admins\"",
            "id eq \"00u1ab2cd3EfGh4iJ5d7\"",
            // Microsoft Entra ID
            "externalId eq \"00aa00aa-bb11-cc22-dd33-44ee44ee44ee\"",
            "userName eq \"AdeleV@contoso.onmicrosoft.com\"",
            "displayName eq \"Sales Group\"",
            "members[value eq \"2819c223-7f76-453a-919d-413861904646\"]",
            // OneLogin / Google-style combined lookups
            "userName eq \"jdoe\" or emails.value eq \"jdoe@example.com\"",
            "externalId eq \"5f3c1e0a\" and active eq true");

    /** Value paths, URN-prefixed paths, dates, numbers, booleans, null, escapes, {@code not}, operator case. */
    public static final List<String> FEATURES = List.of(
            // value paths
            "emails[type eq \"work\"]",
            "emails[type eq \"work\" and value co \"@example.com\"]",
            "addresses[type eq \"work\" and postalCode sw \"94\"] and phoneNumbers[type eq \"mobile\"]",
            "groups[display eq \"Engineering\" or display eq \"Research\"] and active eq true",
            // schema-URN-prefixed paths
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq \"701984\"",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq"
                    + " \"26118915-6090-4610-87e4-49d8ca9f808d\"",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq \"Tour Operations\""
                    + " and urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:costCenter eq \"4130\"",
            // dates
            "meta.created ge \"2024-01-01T00:00:00Z\" and meta.created lt \"2024-02-01T00:00:00.000Z\"",
            "meta.lastModified gt \"2011-05-13T04:42:34Z\" or meta.lastModified le \"2010-01-23T04:56:22+02:00\"",
            // strings with JSON escapes
            "displayName eq \"The \\\"Best\\\" Team\"",
            "name.familyName eq \"Ren\\u00e9e\"",
            "name.formatted co \"Jos\\u00e9 Mar\\u00eda \\\"Pepe\\\" Garc\\u00eda\"",
            "title eq \"R\\\\D \\/ Sales\\tEMEA\"",
            // numbers, booleans, null
            "loginCount gt 10",
            "score ge 4.5 and score lt 9.75",
            "quota le 1.5e3 or balance lt -12.25",
            "active eq true",
            "active eq false and title pr",
            "nickName eq null",
            // not (...)
            "not (userName eq \"bjensen\")",
            "active eq true and not (emails[type eq \"home\"] or title pr)",
            // operators and keywords in upper / mixed case (RFC 7644: case-insensitive)
            "userName EQ \"bjensen\" AND title PR",
            "userType Ne \"Intern\" Or Not (displayName sw \"test\")");

    /** 25 {@code userName eq} terms joined by {@code or}: a bulk existence check. */
    public static final String OR_CHAIN_25 = orChain(25);

    /** 10 comparisons joined by {@code and}: a narrow search over many attributes. */
    public static final String AND_CHAIN_10 = String.join(" and ",
            "userType eq \"Employee\"",
            "active eq true",
            "title pr",
            "name.familyName sw \"J\"",
            "emails.value ew \"@example.com\"",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq \"Engineering\"",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:costCenter ne \"0000\"",
            "meta.created ge \"2020-01-01T00:00:00Z\"",
            "meta.lastModified lt \"2025-01-01T00:00:00Z\"",
            "loginCount gt 0");

    /** 20 comparisons in a mix of {@code and}, {@code or}, parentheses (two deep) and one {@code not}. */
    public static final String MIXED_CHAIN_20 = mixedChain();

    /** The whole corpus, in a fixed order. */
    public static final List<String> ALL = all();

    private FilterCorpus() {
    }

    private static String orChain(int terms) {
        List<String> parts = new ArrayList<>(terms);
        for (int i = 1; i <= terms; i++) {
            parts.add(String.format("userName eq \"user%02d@example.com\"", i));
        }
        return String.join(" or ", parts);
    }

    private static String mixedChain() {
        // 5 groups of 4 comparisons each = 20 comparisons.
        List<String> groups = new ArrayList<>();
        for (int g = 1; g <= 5; g++) {
            String dept = "\"Dept " + g + "\"";
            String group = "(urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq " + dept
                    + " and (title sw \"Senior\" or title sw \"Lead\")"
                    + (g == 3 ? " and not (active eq false)" : " and active eq true")
                    + ")";
            groups.add(group);
        }
        return String.join(" or ", groups);
    }

    private static List<String> all() {
        List<String> all = new ArrayList<>();
        all.addAll(RFC_7644);
        all.addAll(IDENTITY_PROVIDERS);
        all.addAll(FEATURES);
        all.add(OR_CHAIN_25);
        all.add(AND_CHAIN_10);
        all.add(MIXED_CHAIN_20);
        return List.copyOf(all);
    }

    /** Prints the corpus, one filter a line, and its size. */
    public static void main(String[] args) {
        ALL.forEach(System.out::println);
        int chars = ALL.stream().mapToInt(String::length).sum();
        System.out.println(ALL.size() + " filters, " + chars + " characters");
    }
}
