package dev.quarry.training;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import org.eclipse.collections.impl.map.mutable.primitive.ObjectIntHashMap;

/**
 * Feature names numbered 0 to {@code size() - 1}: one per text-classification model, shared by its idf table and its
 * classifiers, so that a text's features are looked up by name once and then by id. The names that start with a
 * given prefix (the character n-grams) can also be looked up by the chars after it, without building a string.
 * Immutable after construction and thread-safe (the tables are only read after the constructor).
 */
final class FeatureIndex {

    private static final int EMPTY_SLOT = -1;

    private final ObjectIntHashMap<String> ids;
    private final String[] names;
    private final String prefix;
    /** Open addressing (linear probing) over the ids of the names with {@code prefix}, by the hash of the rest. */
    private final int[] prefixed;
    private final int shift;

    /** Numbers the distinct names in iteration order; none is looked up by prefix. */
    FeatureIndex(Collection<String> names) {
        this(names, null);
    }

    /**
     * Numbers the distinct names in iteration order.
     *
     * @param prefix the names starting with it can be found by {@link #idAfterPrefix}; null for none
     * @throws IllegalArgumentException if a name occurs twice
     */
    FeatureIndex(Collection<String> names, String prefix) {
        this.ids = new ObjectIntHashMap<>(names.size());
        this.names = new String[names.size()];
        int next = 0;
        for (String name : names) {
            if (!ids.containsKey(name)) {
                ids.put(name, next);
                this.names[next++] = name;
            }
        }
        if (next != this.names.length) {
            throw new IllegalArgumentException(names.size() - next + " duplicate feature names");
        }
        this.prefix = prefix;
        int bits = 32 - Integer.numberOfLeadingZeros(Math.max(1, this.names.length) * 2 - 1);
        this.shift = 32 - Math.max(1, bits);
        this.prefixed = new int[prefix == null ? 0 : 1 << Math.max(1, bits)];
        Arrays.fill(prefixed, EMPTY_SLOT);
        if (prefix != null) {
            fillPrefixed();
        }
    }

    private void fillPrefixed() {
        int skip = prefix.length();
        for (int id = 0; id < names.length; id++) {
            String name = names[id];
            if (name.startsWith(prefix)) {
                int slot = slot(hash(name, skip));
                while (prefixed[slot] != EMPTY_SLOT) {
                    slot = (slot + 1) & (prefixed.length - 1);
                }
                prefixed[slot] = id;
            }
        }
    }

    /**
     * The id of the name made of the prefix and {@code chars[start..end)}, or -1 when it is not in the index (always
     * without a prefix).
     */
    int idAfterPrefix(char[] chars, int start, int end) {
        if (prefix == null) {
            return -1;
        }
        int h = 0;
        for (int i = start; i < end; i++) {
            h = 31 * h + chars[i];
        }
        int length = prefix.length() + end - start;
        for (int slot = slot(h); ; slot = (slot + 1) & (prefixed.length - 1)) {
            int id = prefixed[slot];
            if (id == EMPTY_SLOT || names[id].length() == length && sameRest(names[id], chars, start)) {
                return id;
            }
        }
    }

    private boolean sameRest(String name, char[] chars, int start) {
        for (int i = prefix.length(), j = start; i < name.length(); i++, j++) {
            if (name.charAt(i) != chars[j]) {
                return false;
            }
        }
        return true;
    }

    /** The hash of {@code name} from {@code from} on (that of {@link String#hashCode} over those chars). */
    private static int hash(String name, int from) {
        int h = 0;
        for (int i = from; i < name.length(); i++) {
            h = 31 * h + name.charAt(i);
        }
        return h;
    }

    /** Fibonacci hashing: the top bits of the hash times the golden ratio, which spreads similar short strings. */
    private int slot(int hash) {
        return (hash * 0x9E3779B9) >>> shift;
    }

    int size() {
        return names.length;
    }

    /** The id of a name, or -1 when it is not in the index. */
    int id(String name) {
        return ids.getIfAbsent(name, -1);
    }

    String name(int id) {
        return names[id];
    }

    /**
     * Per id of this index, the id {@code own} gives the same name, or -1: how a classifier with its own feature
     * numbering reads a text whose features are ids of this index.
     */
    int[] mapping(Map<String, Integer> own) {
        int[] mapping = new int[names.length];
        for (int id = 0; id < names.length; id++) {
            Integer ownId = own.get(names[id]);
            mapping[id] = ownId == null ? -1 : ownId;
        }
        return mapping;
    }
}
