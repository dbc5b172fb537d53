package dev.quarry.training;

import java.util.Arrays;
import org.eclipse.collections.impl.map.mutable.primitive.IntIntHashMap;

/**
 * How often each feature of one text occurs, by id of a {@link FeatureIndex}, in order of first occurrence; names
 * not in the index are skipped. The index must look names up after the prefix {@link TextcatFeatures#CHARS}. Not thread-safe: one per text.
 */
final class IdCounts implements TextcatFeatures.FeatureSink {

    private final FeatureIndex index;
    /** Feature id to its position in {@code ids}. */
    private final IntIntHashMap positions = new IntIntHashMap();
    private int[] ids = new int[64];
    private int[] counts = new int[64];
    private int size;

    IdCounts(FeatureIndex index) {
        this.index = index;
    }

    /** Counts one occurrence of {@code name} if the index has it. */
    @Override
    public void feature(String name) {
        add(index.id(name));
    }

    /** Counts one occurrence of the character n-gram if the index has it (looked up without building its name). */
    @Override
    public void charNgram(char[] marked, int start, int end) {
        add(index.idAfterPrefix(marked, start, end));
    }

    private void add(int id) {
        if (id < 0) {
            return;
        }
        int position = positions.getIfAbsent(id, -1);
        if (position >= 0) {
            counts[position]++;
            return;
        }
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, size * 2);
            counts = Arrays.copyOf(counts, size * 2);
        }
        positions.put(id, size);
        ids[size] = id;
        counts[size++] = 1;
    }

    /** The number of distinct features counted. */
    int size() {
        return size;
    }

    /** The id of the i-th distinct feature (in order of first occurrence). */
    int id(int i) {
        return ids[i];
    }

    int count(int i) {
        return counts[i];
    }
}
