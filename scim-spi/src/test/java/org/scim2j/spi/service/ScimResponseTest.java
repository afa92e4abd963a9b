package org.scim2j.spi.service;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ScimResponseTest {

    private static final Map<String, String> JSON = Map.of("Content-Type", ScimResponse.CONTENT_TYPE);

    @Test
    void aStreamingBodyIsWrittenToTheTransportWithoutBeingKept() throws IOException {
        AtomicInteger writes = new AtomicInteger();
        ScimResponse response = ScimResponse.streaming(200, JSON, out -> {
            writes.incrementAndGet();
            out.write("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        });
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        ByteArrayOutputStream second = new ByteArrayOutputStream();

        response.writeBody(first);
        response.writeBody(second);

        assertThat(first.toString(StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
        assertThat(second.toByteArray()).isEqualTo(first.toByteArray());
        assertThat(writes).hasValue(2);
        assertThat(response.hasBody()).isTrue();
    }

    @Test
    void bodyWritesAStreamingBodyOnceAndKeepsIt() throws IOException {
        AtomicInteger writes = new AtomicInteger();
        ScimResponse response = ScimResponse.streaming(201, JSON, out -> {
            writes.incrementAndGet();
            out.write("{}".getBytes(StandardCharsets.UTF_8));
        });

        assertThat(response.bodyText()).isEqualTo("{}");
        assertThat(response.body()).isSameAs(response.body());
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        response.writeBody(sent);

        assertThat(sent.toString(StandardCharsets.UTF_8)).isEqualTo("{}");
        assertThat(writes).hasValue(1);
    }

    @Test
    void aStreamingResponseEqualsTheSameResponseWithBytes() {
        ScimResponse streamed = ScimResponse.streaming(200, JSON,
                out -> out.write("{\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8)));
        ScimResponse bytes = new ScimResponse(200, JSON, "{\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(streamed).isEqualTo(bytes).hasSameHashCodeAs(bytes);
        assertThat(streamed.header("content-type")).isEqualTo(ScimResponse.CONTENT_TYPE);
    }

    @Test
    void noContentHasNoBody() throws IOException {
        ScimResponse noContent = new ScimResponse(204, Map.of("ETag", "W/\"1\""), null);
        ByteArrayOutputStream sent = new ByteArrayOutputStream();

        noContent.writeBody(sent);

        assertThat(noContent.hasBody()).isFalse();
        assertThat(noContent.body()).isEmpty();
        assertThat(sent.size()).isZero();
    }
}
