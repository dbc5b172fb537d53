package dev.quarry.matching;

import java.util.Arrays;
import java.util.BitSet;

/**
 * Many short nullable strings packed into one: a million pattern ids cost one compact string and an int each, not
 * a million objects. Immutable once built.
 */
final class StringColumn {

    final String all;
    final int[] starts;
    final BitSet nulls;

    StringColumn(String all, int[] starts, BitSet nulls) {
        this.all = all;
        this.starts = starts;
        this.nulls = nulls;
    }

    /** The i-th string, or null. */
    String get(int i) {
        return nulls.get(i) ? null : all.substring(starts[i], starts[i + 1]);
    }

    long ramBytes() {
        return all.length() + 4L * starts.length + nulls.size() / 8;
    }

    /** Not thread-safe. */
    static final class Builder {
        private final StringBuilder all;
        private final BitSet nulls = new BitSet();
        private int[] starts;
        private int size;

        /** Room for {@code capacity} strings of {@code chars} chars in all, to grow nothing while adding. */
        Builder(int capacity, int chars) {
            starts = new int[capacity + 1];
            all = new StringBuilder(chars);
        }

        void add(String value) {
            if (size + 2 > starts.length) {
                starts = Arrays.copyOf(starts, starts.length * 2);
            }
            if (value == null) {
                nulls.set(size);
            } else {
                all.append(value);
            }
            starts[++size] = all.length();
        }

        StringColumn build() {
            return new StringColumn(all.toString(), Arrays.copyOf(starts, size + 1), nulls);
        }
    }
}
