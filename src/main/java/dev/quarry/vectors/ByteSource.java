package dev.quarry.vectors;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * A file read through one growable byte window: {@code buf[pos, limit)} holds unread bytes, {@code base} is the file
 * offset of {@code buf[0]}. Reports progress about once per megabyte. Not thread-safe.
 */
final class ByteSource implements Closeable {

    private static final int CHUNK = 1 << 20;

    private final FileChannel channel;
    private final LoadProgress progress;
    final long size;
    byte[] buf = new byte[CHUNK];
    int pos;
    int limit;
    private long base;
    private boolean eof;

    ByteSource(Path file, LoadProgress progress) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        this.progress = progress;
        this.size = channel.size();
    }

    /** The file offset of {@code buf[index]}. */
    long offset(int index) {
        return base + index;
    }

    boolean exhausted() throws IOException {
        return pos >= limit && !fill();
    }

    /**
     * Makes at least {@code n} unread bytes available unless the file ends first. Returns the number of unread bytes
     * now in the window: below {@code n} only at end of file. Indices into {@code buf} may shift.
     */
    int ensure(int n) throws IOException {
        while (limit - pos < n && fill()) {
            // keep reading
        }
        return limit - pos;
    }

    /** The index in {@code buf} of the next {@code b} at or after {@code from}, reading on; -1 at end of file. */
    int indexOf(byte b, int from) throws IOException {
        int i = from;
        while (true) {
            for (; i < limit; i++) {
                if (buf[i] == b) {
                    return i;
                }
            }
            int shift = pos;
            if (!fill()) {
                return -1;
            }
            i -= shift - pos;
        }
    }

    /** Reads more bytes, compacting or growing the window; the unread bytes may move (indices shift by the old pos). */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            base += pos;
            limit -= pos;
            pos = 0;
        }
        if (limit + CHUNK > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, limit + CHUNK));
        }
        int read = channel.read(ByteBuffer.wrap(buf, limit, CHUNK));
        if (read < 0) {
            eof = true;
            progress.update(size, size);
            return false;
        }
        limit += read;
        progress.update(base + limit, size);
        return true;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
