package dev.quarry.matching;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;

/**
 * Writes numbers, strings and primitive arrays to a channel through one buffer, little-endian, arrays in bulk. Not
 * thread-safe.
 */
final class BinaryOut {

    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);

    BinaryOut(FileChannel channel) {
        this.channel = channel;
    }

    private void room(int bytes) throws IOException {
        if (buffer.remaining() < bytes) {
            flush();
        }
    }

    void flush() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        buffer.clear();
    }

    void bytes(byte[] values) throws IOException {
        writeInt(values.length);
        for (int from = 0; from < values.length; ) {
            room(1);
            int count = Math.min(buffer.remaining(), values.length - from);
            buffer.put(values, from, count);
            from += count;
        }
    }

    void writeInt(int value) throws IOException {
        room(4);
        buffer.putInt(value);
    }

    void writeBoolean(boolean value) throws IOException {
        room(1);
        buffer.put((byte) (value ? 1 : 0));
    }

    void string(String value) throws IOException {
        bytes(value.getBytes(StandardCharsets.UTF_8));
    }

    void ints(int[] values) throws IOException {
        writeInt(values.length);
        for (int from = 0; from < values.length; ) {
            room(4);
            int count = Math.min(buffer.remaining() / 4, values.length - from);
            buffer.asIntBuffer().put(values, from, count);
            buffer.position(buffer.position() + 4 * count);
            from += count;
        }
    }

    void longs(long[] values) throws IOException {
        writeInt(values.length);
        for (int from = 0; from < values.length; ) {
            room(8);
            int count = Math.min(buffer.remaining() / 8, values.length - from);
            buffer.asLongBuffer().put(values, from, count);
            buffer.position(buffer.position() + 8 * count);
            from += count;
        }
    }

    void chars(char[] values) throws IOException {
        writeInt(values.length);
        for (int from = 0; from < values.length; ) {
            room(2);
            int count = Math.min(buffer.remaining() / 2, values.length - from);
            buffer.asCharBuffer().put(values, from, count);
            buffer.position(buffer.position() + 2 * count);
            from += count;
        }
    }
}
