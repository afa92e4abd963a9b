package org.scim2j.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.types.UserResource;
import com.unboundid.scim2.common.utils.JsonUtils;
import de.captaingoldfish.scim.sdk.common.utils.JsonHelper;
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
import org.scim2j.core.json.ResourceNormalizer;
import org.scim2j.core.json.ScimJson;
import org.scim2j.core.resource.GenericResource;
import org.scim2j.core.resource.User;
import org.scim2j.core.schema.SchemaRegistry;
import org.scim2j.core.schema.Schemas;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Reads the full RFC 7643 §8.2 User (with the enterprise extension) from bytes into each library's model, and writes
 * that model back to bytes. Every library starts from the same bytes and ends with bytes; see BENCHMARKS.md, "User
 * JSON read/write (issue 3)", for exactly what each method measures.
 *
 * <pre>
 *   java -jar scim-benchmarks/target/benchmarks.jar UserJsonBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class UserJsonBenchmark {

    private byte[] bytes;

    private ScimJson json;
    private ResourceNormalizer normalizer;
    private User scim2jUser;
    private ObjectNode scim2jTree;

    private ObjectReader unboundidReader;
    private ObjectWriter unboundidWriter;
    private UserResource unboundidUser;

    private de.captaingoldfish.scim.sdk.common.resources.User goldfishUser;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        bytes = Fixtures.user();

        json = ScimJson.defaults();
        normalizer = ResourceNormalizer.builder(SchemaRegistry.standard()).build();
        scim2jUser = scim2jReadTyped();
        scim2jTree = scim2jReadTree();

        unboundidReader = JsonUtils.getObjectReader().forType(UserResource.class);
        unboundidWriter = JsonUtils.getObjectWriter();
        unboundidUser = unboundidRead();

        goldfishUser = goldfishRead();

        // Fail fast on a model that silently dropped data: each library must have read the enterprise extension and
        // every multi-valued attribute, and must write back what it read.
        check(scim2jUser.enterpriseUser().manager().value().equals(
                "26118915-6090-4610-87e4-49d8ca9f808d"), "scim2j enterprise manager");
        check(scim2jUser.x509Certificates().size() == 1 && scim2jUser.groups().size() == 3, "scim2j lists");
        check(unboundidUser.getX509Certificates().size() == 1 && unboundidUser.getGroups().size() == 3,
                "UnboundID lists");
        check(unboundidUser.getExtensionObjectNode().path(Schemas.ENTERPRISE_USER).path("manager").path("value")
                .asString()
                .equals("26118915-6090-4610-87e4-49d8ca9f808d"), "UnboundID enterprise manager");
        check(goldfishUser.getEnterpriseUser().orElseThrow().getManager().orElseThrow().getValue().orElseThrow()
                .equals("26118915-6090-4610-87e4-49d8ca9f808d"), "Goldfish enterprise manager");
        check(goldfishUser.getX509Certificates().size() == 1 && goldfishUser.getGroups().size() == 3,
                "Goldfish lists");
        ObjectNode original = json.readObject(bytes);
        check(json.readObject(scim2jWriteTyped()).equals(json.toTree(scim2jUser)), "scim2j typed round trip");
        check(json.readObject(scim2jWriteTree()).equals(scim2jTree), "scim2j tree round trip");
        check(json.readObject(unboundidWrite()).equals(original), "UnboundID round trip");
        check(json.readObject(goldfishWrite()).equals(original), "Goldfish round trip");
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("fixture check failed: " + what);
        }
    }

    /** scim2j, typed: {@code ScimJson.readObject(bytes)} then {@code toTyped(tree, User.class)}. */
    @Benchmark
    public User scim2jReadTyped() {
        return json.toTyped(json.readObject(bytes), User.class);
    }

    /**
     * scim2j, schema-agnostic like Goldfish's read: {@code GenericResource.of(ScimJson.readObject(bytes))} (a JSON tree
     * behind an immutable resource, no schema applied).
     */
    @Benchmark
    public GenericResource scim2jReadGeneric() {
        return GenericResource.of(json.readObject(bytes));
    }

    /** scim2j, what the service does: {@code ScimJson.readObject(bytes)} then {@code ResourceNormalizer.normalize}. */
    @Benchmark
    public ObjectNode scim2jReadTree() {
        return normalizer.normalize(Schemas.USER_RESOURCE_TYPE, json.readObject(bytes)).resource();
    }

    /** scim2j, typed: {@code ScimJson.writeResource(user)}, straight from the model to bytes. */
    @Benchmark
    public byte[] scim2jWriteTyped() {
        return json.writeResource(scim2jUser);
    }

    /** scim2j, what the service does: {@code ScimJson.write(tree)} of the normalized tree. */
    @Benchmark
    public byte[] scim2jWriteTree() {
        return json.write(scim2jTree);
    }

    /** UnboundID: {@code JsonUtils.getObjectReader().forType(UserResource.class).readValue(bytes)}. */
    @Benchmark
    public UserResource unboundidRead() {
        return unboundidReader.readValue(bytes);
    }

    /** UnboundID: {@code JsonUtils.getObjectWriter().writeValueAsBytes(user)}. */
    @Benchmark
    public byte[] unboundidWrite() {
        return unboundidWriter.writeValueAsBytes(unboundidUser);
    }

    /**
     * Goldfish: {@code JsonHelper.readJsonDocument(String, User.class)}; it reads only from a {@code String}, so the
     * UTF-8 decoding of the bytes is part of the operation.
     */
    @Benchmark
    public de.captaingoldfish.scim.sdk.common.resources.User goldfishRead() {
        return JsonHelper.readJsonDocument(new String(bytes, StandardCharsets.UTF_8),
                de.captaingoldfish.scim.sdk.common.resources.User.class);
    }

    /** Goldfish: {@code user.toString()} (compact JSON) then UTF-8 encoding. */
    @Benchmark
    public byte[] goldfishWrite() {
        return goldfishUser.toString().getBytes(StandardCharsets.UTF_8);
    }

    // ---- read then write: one User in, the same User out (issue 15's "read+write" row) --------------------------

    /** scim2j, typed: {@link #scim2jReadTyped()} then {@link #scim2jWriteTyped()} of what was read. */
    @Benchmark
    public byte[] scim2jRoundTripTyped() {
        return json.writeResource(json.toTyped(json.readObject(bytes), User.class));
    }

    /** scim2j, the service path: {@link #scim2jReadTree()} then {@link #scim2jWriteTree()} of what was read. */
    @Benchmark
    public byte[] scim2jRoundTripTree() {
        return json.write(normalizer.normalize(Schemas.USER_RESOURCE_TYPE, json.readObject(bytes)).resource());
    }

    /** UnboundID: {@link #unboundidRead()} then {@link #unboundidWrite()} of what was read. */
    @Benchmark
    public byte[] unboundidRoundTrip() {
        return unboundidWriter.writeValueAsBytes(unboundidReader.<UserResource>readValue(bytes));
    }

    /** Goldfish: {@link #goldfishRead()} then {@link #goldfishWrite()} of what was read. */
    @Benchmark
    public byte[] goldfishRoundTrip() {
        return JsonHelper.readJsonDocument(new String(bytes, StandardCharsets.UTF_8),
                de.captaingoldfish.scim.sdk.common.resources.User.class).toString().getBytes(StandardCharsets.UTF_8);
    }
}
