package org.scim2j.benchmarks;

import com.unboundid.scim2.common.exceptions.BadRequestException;
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
import org.scim2j.filter.Filter;

import java.util.concurrent.TimeUnit;

/**
 * Parses the whole {@link FilterCorpus} with scim2j's strict parser and with UnboundID's hand-written parser
 * ({@code scim2-sdk-common}). One operation is one pass over the corpus, so filters/s = ops/s x
 * {@code FilterCorpus.ALL.size()}.
 *
 * <pre>
 *   java -jar scim-benchmarks/target/benchmarks.jar FilterParseBenchmark
 *   java -jar scim-benchmarks/target/benchmarks.jar FilterParseBenchmark -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class FilterParseBenchmark {

    private String[] corpus;

    @Setup(Level.Trial)
    public void setUp() throws BadRequestException {
        corpus = FilterCorpus.ALL.toArray(String[]::new);
        // Fail fast rather than time the error path: every filter must parse with both parsers.
        for (String filter : corpus) {
            Filter.parse(filter);
            com.unboundid.scim2.common.filters.Filter.fromString(filter);
        }
    }

    /** scim2j: {@code org.scim2j.filter.Filter.parse}, the strict ANTLR-based parser. */
    @Benchmark
    public void scim2j(Blackhole bh) {
        for (String filter : corpus) {
            bh.consume(Filter.parse(filter));
        }
    }

    /** UnboundID SCIM 2 SDK: {@code com.unboundid.scim2.common.filters.Filter.fromString}. */
    @Benchmark
    public void unboundid(Blackhole bh) throws BadRequestException {
        for (String filter : corpus) {
            bh.consume(com.unboundid.scim2.common.filters.Filter.fromString(filter));
        }
    }
}
