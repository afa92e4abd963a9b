package org.scim2j.core.json.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

class ByteSinkTest {

    @Test
    void nothingWrittenIsAnEmptyArray() {
        assertThat(new ByteSink().toByteArray()).isEmpty();
    }

    @Test
    void oneWriteIsCopiedOnceAndReturnedAsIs() {
        byte[] source = {0, 1, 2, 3, 4, 5};
        ByteSink sink = new ByteSink();
        sink.write(source, 1, 4);
        byte[] first = sink.toByteArray();
        assertThat(first).containsExactly(1, 2, 3, 4);
        assertThat(sink.toByteArray()).isSameAs(first);
        source[1] = 9;
        assertThat(first).containsExactly(1, 2, 3, 4);
    }

    @Test
    void manyWritesOfEveryKindKeepTheirOrder() {
        ByteSink sink = new ByteSink();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        byte[] block = new byte[8000];
        for (int round = 0; round < 5; round++) {
            Arrays.fill(block, (byte) round);
            sink.write(block, round, block.length - round);
            expected.write(block, round, block.length - round);
            sink.write(200 + round);
            expected.write(200 + round);
            sink.write(block, 0, 0);
        }
        assertThat(sink.toByteArray()).isEqualTo(expected.toByteArray());
    }

    @Test
    void aSingleByteFirstThenABlock() {
        ByteSink sink = new ByteSink();
        sink.write('{');
        sink.write(new byte[] {'"', 'a', '"'}, 0, 3);
        assertThat(new String(sink.toByteArray(), java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("{\"a\"");
    }

    @Test
    void rejectsARangeOutsideTheArray() {
        assertThatThrownBy(() -> new ByteSink().write(new byte[2], 1, 2)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
