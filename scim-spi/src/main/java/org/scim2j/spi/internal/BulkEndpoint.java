package org.scim2j.spi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scim2j.core.error.ScimException;
import org.scim2j.core.schema.Schemas;
import org.scim2j.spi.service.ScimRequest;
import org.scim2j.spi.service.ScimResponse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code POST /Bulk} (RFC 7644 §3.7). Each operation becomes a request of its own (path relative to the base, data
 * as the JSON body, version as {@code If-Match}) handed to the dispatcher, so it gets exactly the validation and
 * behaviour it would get on its own.
 *
 * <ul>
 *   <li>Limits (§3.7.4): a body over {@code bulkMaxPayloadBytes} or more than {@code bulkMaxOperations}
 *       operations is 413 with an Error naming the limit; with {@code bulkMaxOperations} 0 bulk is not supported
 *       (501).</li>
 *   <li>{@code bulkId:x} references (§3.7.2) anywhere in a later operation's data (as a whole string value) or as a
 *       path segment are replaced by the id the operation with {@code bulkId} x created. A reference to an
 *       operation further down is resolved by running that operation first (§3.7: the order may change as long as
 *       the result is the same). Operations that reference each other in a cycle fail with 409, as §3.7.1 allows;
 *       an operation whose referenced operation failed fails with 409 too; a reference to a bulkId no operation
 *       declares is 400 {@code invalidValue}.</li>
 *   <li>{@code failOnErrors} (§3.7.3): after that many failed operations the rest are not run and not reported.</li>
 *   <li>The BulkResponse lists the operations that ran in request order, each with {@code method}, {@code bulkId},
 *       {@code version}, {@code location}, {@code status} as a string (as in the §3.7.3 examples) and, when it
 *       failed, the Error as {@code response}.</li>
 * </ul>
 */
public final class BulkEndpoint {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String PREFIX = "bulkId:";

    private final ServiceContext context;
    private final Function<ScimRequest, ScimResponse> dispatcher;

    /**
     * @param context    the shared service state
     * @param dispatcher handles each operation as a request of its own
     */
    public BulkEndpoint(ServiceContext context, Function<ScimRequest, ScimResponse> dispatcher) {
        this.context = context;
        this.dispatcher = dispatcher;
    }

    /** POST /Bulk (RFC 7644 §3.7). */
    public ScimResponse handle(ScimRequest request) {
        int maxOperations = context.config().bulkMaxOperations();
        int maxPayload = context.config().bulkMaxPayloadBytes();
        if (maxOperations == 0) {
            throw ScimException.notImplemented("bulk operations are not supported by this service provider");
        }
        if (request.body().length > maxPayload) {
            throw ScimException.payloadTooLarge("the size of the bulk request (" + request.body().length
                    + " bytes) exceeds the maxPayloadSize (" + maxPayload + ")");
        }
        ObjectNode body = context.json().readObject(request.body());
        if (!hasSchema(body.get("schemas"))) {
            throw ScimException.invalidSyntax("the body of a /Bulk request must be a BulkRequest whose 'schemas' "
                    + "contains " + Schemas.BULK_REQUEST + " (RFC 7644 §3.7)");
        }
        JsonNode operations = body.get("Operations");
        if (operations == null || !operations.isArray()) {
            throw ScimException.invalidSyntax("a BulkRequest needs an 'Operations' array (RFC 7644 §3.7)");
        }
        if (operations.size() > maxOperations) {
            throw ScimException.payloadTooLarge("the number of operations (" + operations.size()
                    + ") exceeds the maxOperations (" + maxOperations + ")");
        }
        int failOnErrors = failOnErrors(body.get("failOnErrors"));
        Run run = new Run(request, plan(operations), failOnErrors);
        for (int i = 0; i < run.ops.size(); i++) {
            run.process(i);
        }
        ObjectNode response = NODES.objectNode();
        response.putArray("schemas").add(Schemas.BULK_RESPONSE);
        ArrayNode results = response.putArray("Operations");
        for (ObjectNode result : run.results) {
            if (result != null) {
                results.add(result);
            }
        }
        return Responses.json(context.json(), 200, response);
    }

    private static boolean hasSchema(JsonNode schemas) {
        if (schemas != null && schemas.isArray()) {
            for (JsonNode s : schemas) {
                if (s.isTextual() && s.asText().equalsIgnoreCase(Schemas.BULK_REQUEST)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int failOnErrors(JsonNode value) {
        if (value == null || value.isNull()) {
            return Integer.MAX_VALUE;
        }
        if (!value.isIntegralNumber() || value.asLong() < 1) {
            throw ScimException.invalidValue("failOnErrors must be a positive integer (RFC 7644 §3.7.3)");
        }
        return (int) Math.min(value.asLong(), Integer.MAX_VALUE);
    }

    /** One operation as read, before it runs. */
    private record Op(int index, String method, String bulkId, String version, String path, JsonNode data,
                      List<String> refs, ScimException invalid) {
    }

    private static List<Op> plan(JsonNode operations) {
        List<Op> ops = new ArrayList<>(operations.size());
        Map<String, Integer> declared = new HashMap<>();
        for (int i = 0; i < operations.size(); i++) {
            JsonNode o = operations.get(i);
            String method = text(o, "method");
            String bulkId = text(o, "bulkId");
            String version = text(o, "version");
            String path = text(o, "path");
            JsonNode data = o.get("data");
            List<String> refs = new ArrayList<>();
            collectRefs(data, refs);
            if (path != null) {
                for (String segment : path.split("/")) {
                    if (segment.startsWith(PREFIX)) {
                        refs.add(segment.substring(PREFIX.length()));
                    }
                }
            }
            ScimException invalid = validate(o, method, bulkId, path, data);
            if (invalid == null && bulkId != null && declared.putIfAbsent(bulkId, i) != null) {
                invalid = ScimException.invalidValue("bulkId '" + bulkId + "' is already used by operation "
                        + (declared.get(bulkId) + 1));
            }
            ops.add(new Op(i, method == null ? null : method.toUpperCase(java.util.Locale.ROOT), bulkId, version,
                    path, data, List.copyOf(refs), invalid));
        }
        return ops;
    }

    private static ScimException validate(JsonNode o, String method, String bulkId, String path, JsonNode data) {
        if (!o.isObject()) {
            return ScimException.invalidSyntax("a bulk operation must be an object");
        }
        if (method == null || !List.of("POST", "PUT", "PATCH", "DELETE")
                .contains(method.toUpperCase(java.util.Locale.ROOT))) {
            return ScimException.invalidValue("a bulk operation's method must be POST, PUT, PATCH or DELETE, not "
                    + (method == null ? "missing" : "'" + method + "'"));
        }
        if (path == null || !path.startsWith("/")) {
            return ScimException.invalidValue("a bulk operation needs a path relative to the base, such as /Users");
        }
        String first = path.split("[/?]", 3).length > 1 ? path.split("[/?]", 3)[1] : "";
        if (first.equalsIgnoreCase("Bulk")) {
            return ScimException.invalidValue("a bulk operation cannot post to /Bulk");
        }
        if (method.equalsIgnoreCase("POST") && (bulkId == null || bulkId.isEmpty())) {
            return ScimException.invalidValue("a POST bulk operation needs a bulkId (RFC 7644 §3.7)");
        }
        if (!method.equalsIgnoreCase("DELETE") && (data == null || !data.isObject())) {
            return ScimException.invalidSyntax("a " + method + " bulk operation needs 'data', a JSON object");
        }
        return null;
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v != null && v.isTextual() ? v.asText() : null;
    }

    private static void collectRefs(JsonNode node, List<String> out) {
        if (node == null) {
            return;
        }
        if (node.isTextual() && node.asText().startsWith(PREFIX)) {
            out.add(node.asText().substring(PREFIX.length()));
        }
        node.forEach(child -> collectRefs(child, out));
    }

    /** The state of one bulk request while it runs. */
    private final class Run {
        private final ScimRequest request;
        private final List<Op> ops;
        private final int failOnErrors;
        private final Map<String, Integer> byBulkId = new HashMap<>();
        private final Map<String, String> createdIds = new HashMap<>();
        private final int[] state;
        private final boolean[] failed;
        private final boolean[] cyclic;
        private final List<ObjectNode> results;
        private final List<Integer> stack = new ArrayList<>();
        private int errors;

        Run(ScimRequest request, List<Op> ops, int failOnErrors) {
            this.request = request;
            this.ops = ops;
            this.failOnErrors = failOnErrors;
            this.state = new int[ops.size()];
            this.failed = new boolean[ops.size()];
            this.cyclic = new boolean[ops.size()];
            this.results = new ArrayList<>(Collections.nCopies(ops.size(), null));
            for (Op op : ops) {
                if (op.bulkId() != null && op.invalid() == null) {
                    byBulkId.putIfAbsent(op.bulkId(), op.index());
                }
            }
        }

        private boolean stopped() {
            return errors >= failOnErrors;
        }

        /** Runs operation i after the operations it references; 0 unvisited, 1 running, 2 done. */
        void process(int i) {
            if (state[i] != 0 || stopped()) {
                return;
            }
            state[i] = 1;
            stack.add(i);
            Op op = ops.get(i);
            ScimException blocked = op.invalid();
            for (String ref : op.invalid() == null ? op.refs() : List.<String>of()) {
                Integer j = byBulkId.get(ref);
                if (j == null) {
                    blocked = ScimException.invalidValue("'" + PREFIX + ref + "' refers to no operation of this "
                            + "bulk request");
                    break;
                }
                if (state[j] == 1) {
                    // a cycle: every operation on the stack from j to here references the next one
                    for (int k = stack.indexOf(j); k < stack.size(); k++) {
                        failed[stack.get(k)] = true;
                        cyclic[stack.get(k)] = true;
                    }
                    blocked = circular(ref);
                    break;
                }
                process(j);
                if (stopped()) {
                    stack.remove(stack.size() - 1);
                    state[i] = 0;
                    return;
                }
                if (failed[j]) {
                    blocked = new ScimException(409, null, "'" + PREFIX + ref + "' cannot be resolved: operation "
                            + (j + 1) + " " + (cyclic[j] ? "is part of a circular reference" : "failed"));
                    break;
                }
            }
            if (blocked == null && cyclic[i]) {
                // a later operation in a cycle found this one on the stack
                blocked = circular(op.bulkId());
            }
            stack.remove(stack.size() - 1);
            state[i] = 2;
            ObjectNode result = blocked != null ? error(op, blocked) : execute(op);
            results.set(i, result);
            if (Integer.parseInt(result.get("status").asText()) >= 400) {
                failed[i] = true;
                errors++;
            }
        }

        private ScimException circular(String bulkId) {
            return new ScimException(409, null, "circular bulkId references involving '" + PREFIX + bulkId
                    + "' cannot be resolved (RFC 7644 §3.7.1)");
        }

        private ObjectNode execute(Op op) {
            String path = resolvePath(op.path());
            Map<String, String> headers = new LinkedHashMap<>();
            if (op.version() != null) {
                headers.put("If-Match", op.version());
            }
            byte[] body = null;
            if (op.data() != null && !op.method().equals("DELETE")) {
                headers.put("Content-Type", ScimResponse.CONTENT_TYPE);
                body = context.json().write(resolve(op.data().deepCopy()));
            }
            ScimResponse response = dispatcher.apply(request.derive(op.method(), path, Map.of(), headers, body));
            ObjectNode result = NODES.objectNode();
            result.put("method", op.method());
            if (op.bulkId() != null) {
                result.put("bulkId", op.bulkId());
            }
            JsonNode json = parse(response);
            String version = response.header("ETag");
            if (version == null && json != null && json.path("meta").path("version").isTextual()) {
                version = json.path("meta").path("version").asText();
            }
            if (version != null && response.status() < 300) {
                result.put("version", version);
            }
            String location = response.header("Location");
            if (location == null && json != null && json.path("meta").path("location").isTextual()) {
                location = json.path("meta").path("location").asText();
            }
            if (location == null && !op.method().equals("POST")) {
                location = request.baseUrl() + path;
            }
            if (location != null) {
                result.put("location", location);
            }
            result.put("status", Integer.toString(response.status()));
            if (response.status() >= 400) {
                result.set("response", json != null ? json : NODES.objectNode());
            } else if (op.method().equals("POST") && op.bulkId() != null) {
                String id = json != null && json.path("id").isTextual() ? json.path("id").asText()
                        : location == null ? null : location.substring(location.lastIndexOf('/') + 1);
                if (id != null) {
                    createdIds.put(op.bulkId(), id);
                }
            }
            return result;
        }

        private ObjectNode error(Op op, ScimException e) {
            ObjectNode result = NODES.objectNode();
            if (op.method() != null) {
                result.put("method", op.method());
            }
            if (op.bulkId() != null) {
                result.put("bulkId", op.bulkId());
            }
            result.put("status", Integer.toString(e.status()));
            result.set("response", e.toErrorResponse().toJson());
            return result;
        }

        private String resolvePath(String path) {
            String[] segments = path.split("/", -1);
            for (int k = 0; k < segments.length; k++) {
                if (segments[k].startsWith(PREFIX)) {
                    segments[k] = createdIds.get(segments[k].substring(PREFIX.length()));
                }
            }
            return String.join("/", segments);
        }

        private JsonNode resolve(JsonNode node) {
            if (node.isTextual() && node.asText().startsWith(PREFIX)) {
                return NODES.textNode(createdIds.get(node.asText().substring(PREFIX.length())));
            }
            if (node instanceof ObjectNode object) {
                List<String> names = new ArrayList<>();
                object.fieldNames().forEachRemaining(names::add);
                for (String name : names) {
                    object.set(name, resolve(object.get(name)));
                }
            } else if (node instanceof ArrayNode array) {
                for (int k = 0; k < array.size(); k++) {
                    array.set(k, resolve(array.get(k)));
                }
            }
            return node;
        }

        private JsonNode parse(ScimResponse response) {
            if (response.body().length == 0) {
                return null;
            }
            try {
                return context.json().readObject(response.body());
            } catch (ScimException e) {
                return null;
            }
        }
    }
}
