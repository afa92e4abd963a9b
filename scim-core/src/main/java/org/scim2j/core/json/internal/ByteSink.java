package org.scim2j.core.json.internal;

import java.io.OutputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * Collects a generator's output into one array. A Jackson generator writes to its stream only when its own buffer
 * (8000 bytes) is full and when it is closed, so a resource smaller than that arrives in one write: it is copied
 * once into an array of exactly its size, and {@link #toByteArray()} returns that array without another copy.
 * Jackson's {@code ByteArrayBuilder} would grow through segments and then copy them into the result. Not
 * thread-safe: one per write.
 */
public final class ByteSink extends OutputStream {

    private static final byte[] EMPTY = new byte[0];

    private byte[] buffer = EMPTY;
    private int count;

    @Override
    public void write(int b) {
        ensureCapacity(count + 1);
        buffer[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        if (count == 0 && buffer.length == 0) {
            buffer = Arrays.copyOfRange(b, off, off + len);
            count = len;
            return;
        }
        ensureCapacity(count + len);
        System.arraycopy(b, off, buffer, count, len);
        count += len;
    }

    /** The bytes written; the internal array itself when it is exactly full. */
    public byte[] toByteArray() {
        return count == buffer.length ? buffer : Arrays.copyOf(buffer, count);
    }

    private void ensureCapacity(int needed) {
        if (needed < 0) {
            throw new OutOfMemoryError("more than 2 GiB of JSON");
        }
        if (needed > buffer.length) {
            int doubled = buffer.length * 2;
            buffer = Arrays.copyOf(buffer, doubled > needed ? doubled : needed);
        }
    }
}
