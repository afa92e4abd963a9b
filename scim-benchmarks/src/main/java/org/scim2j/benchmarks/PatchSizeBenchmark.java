package org.scim2j.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.scim2j.core.patch.PatchEngine;
import org.scim2j.core.patch.PatchOp;
import org.scim2j.core.patch.PatchOperation;
import org.scim2j.core.patch.PatchOptions;
import org.scim2j.core.patch.PatchRequest;
import org.scim2j.core.patch.PatchResult;
import org.scim2j.core.schema.SchemaRegistry;
import org.scim2j.core.schema.Schemas;
import org.scim2j.filter.FilterParser;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * How {@code PatchEngine.apply} scales with the size of a hostile PATCH (issue 13, finding 4): one wall-clock time
 * per request (single shot: the slow sizes take seconds). The request is built directly, so the engine is measured
 * without the service's limits on operations and values (those refuse such requests before the engine runs).
 * <ul>
 *   <li>{@code addValues}: one {@code add} of {@code size} new emails to a User with one email;</li>
 *   <li>{@code filteredOps}: {@code size} operations {@code add emails[type eq "tN"].value}, each creating a value
 *       (Entra's upsert), so every operation's filter runs over a growing array.</li>
 * </ul>
 *
 * <pre>
 *   java -jar scim-benchmarks/target/benchmarks.jar PatchSizeBenchmark -f 1 -wi 1 -i 3
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class PatchSizeBenchmark {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The request's shape. */
    @Param({"addValues", "filteredOps"})
    public String shape;

    /** Values added, or operations. */
    @Param({"1000", "5000", "10000", "20000", "40000"})
    public int size;

    private PatchEngine engine;
    private ObjectNode user;
    private PatchRequest request;

    @Setup(Level.Trial)
    public void setUp() {
        engine = new PatchEngine(SchemaRegistry.standard(), PatchOptions.lenient());
        user = NODES.objectNode();
        user.putArray("schemas").add(Schemas.USER);
        user.put("id", "2819c223-7f76-453a-919d-413861904646");
        user.put("userName", "bjensen@example.com");
        user.putArray("emails").addObject().put("value", "bjensen@example.com").put("type", "work")
                .put("primary", true);
        request = shape.equals("addValues") ? addValues(size) : filteredOps(size);
        PatchResult result = scim2j();
        int emails = result.resource().path("emails").size();
        if (emails != size + 1) {
            throw new IllegalStateException(shape + " " + size + ": " + emails + " emails after the PATCH");
        }
    }

    private static PatchRequest addValues(int size) {
        ArrayNode values = NODES.arrayNode();
        for (int i = 0; i < size; i++) {
            values.addObject().put("value", "user" + i + "@example.com").put("type", "other");
        }
        return PatchRequest.of(new PatchOperation(PatchOp.ADD, FilterParser.strict().parsePatchPath("emails"),
                values));
    }

    private static PatchRequest filteredOps(int size) {
        List<PatchOperation> operations = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            JsonNode value = NODES.textNode("user" + i + "@example.com");
            operations.add(new PatchOperation(PatchOp.ADD, FilterParser.strict()
                    .parsePatchPath("emails[type eq \"t" + i + "\"].value"), value));
        }
        return new PatchRequest(operations);
    }

    /** {@code PatchEngine.apply} of the whole request to the one-email User. */
    @Benchmark
    public PatchResult scim2j() {
        return engine.apply(Schemas.USER_RESOURCE_TYPE, user, request);
    }
}
