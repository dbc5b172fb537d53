package dev.quarry.matching;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Reads what {@link BinaryOut} wrote from a (memory-mapped) buffer. Throws {@link java.nio.BufferUnderflowException}
 * at the end of the data and {@link IllegalStateException} on a negative length; the caller turns both into an
 * {@code IOException} naming the file. Not thread-safe.
 */
final class BinaryIn {

    private final ByteBuffer buffer;

    BinaryIn(ByteBuffer buffer) {
        this.buffer = buffer.order(ByteOrder.LITTLE_ENDIAN);
    }

    int readInt() {
        return buffer.getInt();
    }

    boolean readBoolean() {
        return buffer.get() != 0;
    }

    private int length(int width) {
        int length = buffer.getInt();
        if (length < 0 || (long) length * width > buffer.remaining()) {
            throw new IllegalStateException("an array of " + length + " elements does not fit in the "
                    + buffer.remaining() + " bytes left");
        }
        return length;
    }

    byte[] bytes() {
        byte[] values = new byte[length(1)];
        buffer.get(values);
        return values;
    }

    String string() {
        return new String(bytes(), StandardCharsets.UTF_8);
    }

    int[] ints() {
        int[] values = new int[length(4)];
        buffer.asIntBuffer().get(values);
        buffer.position(buffer.position() + 4 * values.length);
        return values;
    }

    long[] longs() {
        long[] values = new long[length(8)];
        buffer.asLongBuffer().get(values);
        buffer.position(buffer.position() + 8 * values.length);
        return values;
    }

    char[] chars() {
        char[] values = new char[length(2)];
        buffer.asCharBuffer().get(values);
        buffer.position(buffer.position() + 2 * values.length);
        return values;
    }

    boolean atEnd() {
        return !buffer.hasRemaining();
    }
}
