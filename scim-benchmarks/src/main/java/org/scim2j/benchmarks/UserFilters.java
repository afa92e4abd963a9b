package org.scim2j.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.utils.JsonUtils;
import de.captaingoldfish.scim.sdk.common.resources.User;
import de.captaingoldfish.scim.sdk.common.utils.JsonHelper;
import de.captaingoldfish.scim.sdk.server.filter.FilterNode;
import de.captaingoldfish.scim.sdk.server.filter.resources.FilterResourceResolver;
import de.captaingoldfish.scim.sdk.server.utils.RequestUtils;
import org.scim2j.core.filter.FilterEvaluator;
import org.scim2j.core.filter.ResourceFilter;
import org.scim2j.core.json.ResourceNormalizer;
import org.scim2j.core.json.ScimJson;
import org.scim2j.core.schema.SchemaRegistry;
import org.scim2j.core.schema.Schemas;
import org.scim2j.filter.Filter;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link FilterCorpus} as it applies to the RFC 7643 §8.2 User, and the three libraries' filter evaluators, each
 * holding the User in its own model (all read from {@link Fixtures#user()}).
 */
public final class UserFilters {

    /**
     * Corpus filters left out because they name attributes a User does not have (the corpus was written for parser
     * benchmarks): scim2j rejects them with 400 invalidFilter, Goldfish rejects them while parsing, and UnboundID,
     * which has no schema, evaluates them to false.
     */
    public static final Map<String, String> NOT_USER_ATTRIBUTES = Map.of(
            "members[value eq \"2819c223-7f76-453a-919d-413861904646\"]", "members is a Group attribute",
            "loginCount gt 10", "loginCount is not a User attribute",
            "score ge 4.5 and score lt 9.75", "score is not a User attribute",
            "quota le 1.5e3 or balance lt -12.25", "quota and balance are not User attributes");

    /**
     * Corpus filters on which the libraries disagree, with the reason; they stay out of the timed corpus (a library
     * that answers differently does not do the same work). Filled in from {@link #verdicts()}; see BENCHMARKS.md.
     */
    public static final Map<String, String> DISAGREEMENTS = disagreements();

    /** The timed corpus: {@link FilterCorpus#ALL} less the two maps above, with {@code AND_CHAIN_10} adapted. */
    public static final List<String> CORPUS = corpus(true);

    /** {@code AND_CHAIN_10} ends in {@code loginCount gt 0}; for a User it ends in {@code nickName pr} instead. */
    static String adapt(String filter) {
        return filter.equals(FilterCorpus.AND_CHAIN_10)
                ? filter.replace(" and loginCount gt 0", " and nickName pr")
                : filter;
    }

    private static List<String> corpus(boolean withoutDisagreements) {
        List<String> out = new ArrayList<>();
        for (String filter : FilterCorpus.ALL) {
            if (NOT_USER_ATTRIBUTES.containsKey(filter)) {
                continue;
            }
            String adapted = adapt(filter);
            if (withoutDisagreements && DISAGREEMENTS.containsKey(adapted)) {
                continue;
            }
            out.add(adapted);
        }
        return List.copyOf(out);
    }

    /** Every User-applicable corpus filter, disagreements included. */
    public static List<String> applicable() {
        return corpus(false);
    }

    private static Map<String, String> disagreements() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("schemas eq \"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"",
                "Goldfish rejects it while parsing (InvalidFilterException: attribute 'schemas' is unknown to"
                        + " resource type 'User'); scim2j and UnboundID match");
        m.put("userType eq \"Employee\" and (emails co \"example.com\" or emails.value co \"example.org\")",
                "scim2j matches: 'emails co' compares through the value sub-attribute (RFC 7643 §2.4), and"
                        + " bjensen@example.com contains example.com; UnboundID and Goldfish compare the email"
                        + " objects themselves with the string and do not match");
        return Map.copyOf(m);
    }

    // ---------------------------------------------------------------------------------------------------------------

    final FilterEvaluator scim2jEvaluator = new FilterEvaluator(SchemaRegistry.standard());
    final ObjectNode scim2jUser;
    final tools.jackson.databind.node.ObjectNode unboundidUser;
    final GoldfishSetup goldfish = new GoldfishSetup();
    final User goldfishUser;
    final List<User> goldfishUsers;
    private final MethodHandle goldfishMatching;

    /** Reads the User into the three models. */
    public UserFilters() {
        byte[] bytes = Fixtures.user();
        ScimJson json = ScimJson.defaults();
        scim2jUser = ResourceNormalizer.builder(SchemaRegistry.standard()).build()
                .normalize(Schemas.USER_RESOURCE_TYPE, json.readObject(bytes)).resource();
        unboundidUser = (tools.jackson.databind.node.ObjectNode) JsonUtils.getObjectReader().readTree(bytes);
        goldfishUser = JsonHelper.readJsonDocument(new String(bytes, StandardCharsets.UTF_8), User.class);
        goldfishUsers = List.of(goldfishUser);
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(FilterResourceResolver.class,
                    MethodHandles.lookup());
            goldfishMatching = lookup.findStatic(FilterResourceResolver.class, "isResourceMatchingFilter",
                    MethodType.methodType(boolean.class,
                            de.captaingoldfish.scim.sdk.common.resources.ResourceNode.class, FilterNode.class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    ResourceFilter scim2jCompile(String filter) {
        return scim2jEvaluator.compile(Filter.parse(filter), Schemas.USER_RESOURCE_TYPE);
    }

    static com.unboundid.scim2.common.filters.Filter unboundidParse(String filter) {
        try {
            return com.unboundid.scim2.common.filters.Filter.fromString(filter);
        } catch (com.unboundid.scim2.common.exceptions.ScimException e) {
            throw new IllegalArgumentException(e);
        }
    }

    boolean unboundidMatches(com.unboundid.scim2.common.filters.Filter filter) {
        try {
            return com.unboundid.scim2.common.utils.FilterEvaluator.evaluate(filter, unboundidUser);
        } catch (com.unboundid.scim2.common.exceptions.ScimException e) {
            throw new IllegalArgumentException(e);
        }
    }

    FilterNode goldfishParse(String filter) {
        return RequestUtils.parseFilter(goldfish.userType, filter);
    }

    /** Goldfish's public in-memory filter: {@code FilterResourceResolver.filterResources} on a one-User list. */
    boolean goldfishMatches(FilterNode filter) {
        return !FilterResourceResolver.filterResources(goldfish.serviceProvider, goldfishUsers, filter).isEmpty();
    }

    /**
     * The private per-resource predicate that {@code filterResources} runs inside its fork-join task
     * ({@code FilterResourceResolver.isResourceMatchingFilter}), called through a method handle: not public API, but
     * it shows what Goldfish's evaluation costs without the thread hand-off.
     */
    boolean goldfishMatchesDirect(FilterNode filter) {
        try {
            return (boolean) goldfishMatching.invokeExact(
                    (de.captaingoldfish.scim.sdk.common.resources.ResourceNode) goldfishUser, filter);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** What each library answers for one filter: {@code true}, {@code false} or {@code error: ...}. */
    public record Verdict(String filter, String scim2j, String unboundid, String goldfish) {
        public boolean agree() {
            return scim2j.equals(unboundid) && scim2j.equals(goldfish);
        }
    }

    /** The verdicts of the three libraries on {@link #applicable()}. */
    public List<Verdict> verdicts() {
        List<Verdict> out = new ArrayList<>();
        for (String filter : applicable()) {
            out.add(new Verdict(filter,
                    outcome(() -> scim2jCompile(filter).matches(scim2jUser)),
                    outcome(() -> unboundidMatches(unboundidParse(filter))),
                    outcome(() -> goldfishMatches(goldfishParse(filter)))));
        }
        return out;
    }

    private interface Check {
        boolean run();
    }

    private static String outcome(Check check) {
        try {
            return Boolean.toString(check.run());
        } catch (RuntimeException e) {
            return "error: " + e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    /** Prints the verdicts, disagreements first. */
    public static void main(String[] args) {
        List<Verdict> verdicts = new UserFilters().verdicts();
        for (Verdict v : verdicts) {
            System.out.println((v.agree() ? "   " : "!! ") + v);
        }
        System.out.println(verdicts.size() + " filters, " + verdicts.stream().filter(Verdict::agree).count()
                + " agree; timed corpus " + CORPUS.size());
    }
}
