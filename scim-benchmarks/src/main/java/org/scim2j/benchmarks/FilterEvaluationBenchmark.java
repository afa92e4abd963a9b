package org.scim2j.benchmarks;

import de.captaingoldfish.scim.sdk.server.filter.FilterNode;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.scim2j.core.filter.ResourceFilter;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Evaluates the User filter corpus ({@link UserFilters#CORPUS}: the {@link FilterCorpus} less filters on non-User
 * attributes and filters the libraries disagree on) against the RFC 7643 §8.2 User with scim2j, UnboundID and
 * Goldfish. One operation is one pass over the corpus. {@code @Setup} checks that all evaluators give the same answer
 * on every timed filter.
 *
 * <pre>
 *   java -jar scim-benchmarks/target/benchmarks.jar FilterEvaluationBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class FilterEvaluationBenchmark {

    private UserFilters filters;
    private String[] corpus;
    private ResourceFilter[] scim2jCompiled;
    private com.unboundid.scim2.common.filters.Filter[] unboundidParsed;
    private FilterNode[] goldfishParsed;

    @Setup(Level.Trial)
    public void setUp() {
        filters = new UserFilters();
        List<String> timed = UserFilters.CORPUS;
        corpus = timed.toArray(String[]::new);
        scim2jCompiled = new ResourceFilter[corpus.length];
        unboundidParsed = new com.unboundid.scim2.common.filters.Filter[corpus.length];
        goldfishParsed = new FilterNode[corpus.length];
        for (int i = 0; i < corpus.length; i++) {
            scim2jCompiled[i] = filters.scim2jCompile(corpus[i]);
            unboundidParsed[i] = UserFilters.unboundidParse(corpus[i]);
            goldfishParsed[i] = filters.goldfishParse(corpus[i]);
            boolean expected = scim2jCompiled[i].matches(filters.scim2jUser);
            if (filters.unboundidMatches(unboundidParsed[i]) != expected
                    || filters.goldfishMatches(goldfishParsed[i]) != expected
                    || filters.goldfishMatchesDirect(goldfishParsed[i]) != expected) {
                throw new IllegalStateException("the libraries disagree on " + corpus[i]);
            }
        }
    }

    /** scim2j: {@code ResourceFilter.matches(userTree)}, filters parsed and compiled in setup. */
    @Benchmark
    public void scim2j(Blackhole bh) {
        for (ResourceFilter filter : scim2jCompiled) {
            bh.consume(filter.matches(filters.scim2jUser));
        }
    }

    /** scim2j: {@code Filter.parse}, {@code FilterEvaluator.compile} and {@code matches}, per filter. */
    @Benchmark
    public void scim2jParseCompileEvaluate(Blackhole bh) {
        for (String filter : corpus) {
            bh.consume(filters.scim2jCompile(filter).matches(filters.scim2jUser));
        }
    }

    /** UnboundID: {@code FilterEvaluator.evaluate(filter, userNode)}, filters parsed in setup. */
    @Benchmark
    public void unboundid(Blackhole bh) {
        for (com.unboundid.scim2.common.filters.Filter filter : unboundidParsed) {
            bh.consume(filters.unboundidMatches(filter));
        }
    }

    /** UnboundID: {@code Filter.fromString} and {@code FilterEvaluator.evaluate}, per filter. */
    @Benchmark
    public void unboundidParseEvaluate(Blackhole bh) {
        for (String filter : corpus) {
            bh.consume(filters.unboundidMatches(UserFilters.unboundidParse(filter)));
        }
    }

    /**
     * Goldfish, public API: {@code FilterResourceResolver.filterResources(serviceProvider, List.of(user), node)},
     * filters parsed in setup. Each call hands a task to the service provider's fork-join pool and waits for it.
     */
    @Benchmark
    public void goldfish(Blackhole bh) {
        for (FilterNode filter : goldfishParsed) {
            bh.consume(filters.goldfishMatches(filter));
        }
    }

    /** Goldfish without the fork-join hand-off: its private per-resource predicate, through a method handle. */
    @Benchmark
    public void goldfishDirect(Blackhole bh) {
        for (FilterNode filter : goldfishParsed) {
            bh.consume(filters.goldfishMatchesDirect(filter));
        }
    }

    /** Goldfish: {@code RequestUtils.parseFilter(userType, filter)} and {@code filterResources}, per filter. */
    @Benchmark
    public void goldfishParseEvaluate(Blackhole bh) {
        for (String filter : corpus) {
            bh.consume(filters.goldfishMatches(filters.goldfishParse(filter)));
        }
    }
}
