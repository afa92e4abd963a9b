package org.scim2j.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.utils.JsonUtils;
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
import org.scim2j.core.json.ResourceNormalizer;
import org.scim2j.core.json.ScimJson;
import org.scim2j.core.patch.PatchEngine;
import org.scim2j.core.patch.PatchOptions;
import org.scim2j.core.patch.PatchRequest;
import org.scim2j.core.patch.PatchResult;
import org.scim2j.core.schema.ResourceType;
import org.scim2j.core.schema.SchemaRegistry;
import org.scim2j.core.schema.Schemas;
import tools.jackson.databind.ObjectReader;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Applies the same PATCH request (RFC 7644 §3.5.2) with scim2j's {@code PatchEngine} and UnboundID's
 * {@code PatchRequest.apply}, to the RFC 7643 §8.2 User or to a Group of 100 members. One operation is one request
 * applied to a fresh copy of the resource: scim2j's {@code apply} copies its input itself (it never mutates it), and
 * UnboundID's {@code apply} mutates its argument, so its benchmark copies the resource first. {@code @Setup} checks
 * that both produce the same resource.
 *
 * <pre>
 *   java -jar scim-benchmarks/target/benchmarks.jar PatchBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class PatchBenchmark {

    private static final String OPS = "{\"schemas\":[\"" + Schemas.PATCH_OP + "\"],\"Operations\":[";

    /** The PATCH bodies, by name. */
    static final Map<String, String> REQUESTS = Map.of(
            "deactivate", OPS + "{\"op\":\"replace\",\"value\":{\"active\":false}}]}",
            "givenName", OPS + "{\"op\":\"replace\",\"path\":\"name.givenName\",\"value\":\"Barb\"}]}",
            "addEmail", OPS + "{\"op\":\"add\",\"path\":\"emails\",\"value\":"
                    + "[{\"value\":\"babs@example.org\",\"type\":\"other\"}]}]}",
            "replaceWorkEmail", OPS + "{\"op\":\"replace\",\"path\":\"emails[type eq \\\"work\\\"].value\","
                    + "\"value\":\"barbara.jensen@example.com\"}]}",
            "removeHomeEmail", OPS + "{\"op\":\"remove\",\"path\":\"emails[type eq \\\"home\\\"]\"}]}",
            "addMember", OPS + "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\""
                    + Fixtures.memberId(Fixtures.GROUP_MEMBERS) + "\"}]}]}",
            "removeMember", OPS + "{\"op\":\"remove\",\"path\":\"members[value eq \\\""
                    + Fixtures.memberId(50) + "\\\"]\"}]}");

    /** The request to apply: the User ones, then the two on the 100-member Group. */
    @Param({"deactivate", "givenName", "addEmail", "replaceWorkEmail", "removeHomeEmail", "addMember",
            "removeMember"})
    public String op;

    private byte[] patchBytes;

    private ScimJson json;
    private PatchEngine engine;
    private PatchOptions options;
    private ResourceType type;
    private ObjectNode scim2jResource;
    private PatchRequest scim2jRequest;

    private ObjectReader unboundidPatchReader;
    private tools.jackson.databind.node.ObjectNode unboundidResource;
    private com.unboundid.scim2.common.messages.PatchRequest unboundidRequest;

    @Setup(Level.Trial)
    public void setUp() throws ScimException {
        patchBytes = REQUESTS.get(op).getBytes(StandardCharsets.UTF_8);
        boolean group = op.endsWith("Member");
        byte[] resource = group ? Fixtures.group100() : Fixtures.user();

        json = ScimJson.defaults();
        options = PatchOptions.lenient();
        engine = new PatchEngine(SchemaRegistry.standard(), options);
        type = group ? Schemas.GROUP_RESOURCE_TYPE : Schemas.USER_RESOURCE_TYPE;
        scim2jResource = ResourceNormalizer.builder(SchemaRegistry.standard()).build()
                .normalize(type, json.readObject(resource)).resource();
        scim2jRequest = PatchRequest.fromJson(json.readObject(patchBytes), options);

        unboundidPatchReader = JsonUtils.getObjectReader().forType(com.unboundid.scim2.common.messages.PatchRequest.class);
        unboundidResource = (tools.jackson.databind.node.ObjectNode) JsonUtils.getObjectReader().readTree(resource);
        unboundidRequest = unboundidPatchReader.readValue(patchBytes);

        // Both must change the resource, and to the same result.
        PatchResult mine = scim2j();
        ObjectNode theirs = json.readObject(JsonUtils.getObjectWriter().writeValueAsBytes(
                unboundid().getObjectNode()));
        if (!mine.changed() || !mine.resource().equals(theirs) || unboundidResource.equals(unboundid().getObjectNode())) {
            throw new IllegalStateException(op + ": scim2j and UnboundID disagree:\n  scim2j    " + mine.resource()
                    + "\n  UnboundID " + theirs);
        }
    }

    /** scim2j: {@code PatchEngine.apply(type, resource, request)}, request parsed in setup. */
    @Benchmark
    public PatchResult scim2j() {
        return engine.apply(type, scim2jResource, scim2jRequest);
    }

    /** scim2j: {@code ScimJson.readObject(bytes)}, {@code PatchRequest.fromJson} and {@code PatchEngine.apply}. */
    @Benchmark
    public PatchResult scim2jWithParse() {
        return engine.apply(type, scim2jResource, PatchRequest.fromJson(json.readObject(patchBytes), options));
    }

    /** UnboundID: a copy of the resource, then {@code PatchRequest.apply(GenericScimResource)}, request parsed in setup. */
    @Benchmark
    public GenericScimResource unboundid() throws ScimException {
        return unboundidRequest.apply(new GenericScimResource(unboundidResource.deepCopy()));
    }

    /** UnboundID: {@code readValue(bytes)} of the request, a copy of the resource, then {@code apply}. */
    @Benchmark
    public GenericScimResource unboundidWithParse() throws ScimException {
        com.unboundid.scim2.common.messages.PatchRequest request = unboundidPatchReader.readValue(patchBytes);
        return request.apply(new GenericScimResource(unboundidResource.deepCopy()));
    }
}
