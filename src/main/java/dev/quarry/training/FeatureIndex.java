package dev.quarry.training;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.eclipse.collections.impl.map.mutable.primitive.LongIntHashMap;
import org.eclipse.collections.impl.map.mutable.primitive.ObjectIntHashMap;

/**
 * Feature names numbered 0 to {@code size() - 1}: one per text-classification model, shared by its idf table and its
 * classifiers, so that a text's features are looked up by name once and then by id. The names that start with a
 * given prefix (the character n-grams) can also be looked up by the chars after it, without building a string.
 * Immutable and thread-safe; a classifier's own index ({@link #lazy}) builds its name table on the first lookup by
 * name (a classifier bound to the model's index rarely needs it).
 */
final class FeatureIndex {

    private static final int EMPTY_SLOT = -1;

    private final String[] names;
    /** Name to id; null until {@link #ids()} first builds it (for a lazy index). */
    private volatile ObjectIntHashMap<String> ids;
    private final String prefix;
    /**
     * The names with {@code prefix} followed by 3 (or 4) chars, by those chars packed 16 bits each into a long: one
     * probe of a primitive map, no string compared. Null without a prefix.
     */
    private final LongIntHashMap packed3;
    private final LongIntHashMap packed4;
    /**
     * Open addressing (linear probing) over the ids of the other names with {@code prefix}, by the hash of the rest
     * (a power-of-two length; empty without a prefix).
     */
    private final int[] prefixed;
    private final int shift;

    /** Numbers the names in iteration order; none is looked up by prefix. */
    FeatureIndex(Collection<String> names) {
        this(names, null);
    }

    /**
     * Numbers the names in iteration order.
     *
     * @param prefix the names starting with it can be found by {@link #idAfterPrefix}; null for none
     * @throws IllegalArgumentException if a name occurs twice
     */
    FeatureIndex(Collection<String> names, String prefix) {
        this(names.toArray(String[]::new), prefix);
        this.ids = table(this.names);
    }

    private FeatureIndex(String[] names, String prefix) {
        this.names = names;
        this.prefix = prefix;
        this.packed3 = prefix == null ? null : new LongIntHashMap();
        this.packed4 = prefix == null ? null : new LongIntHashMap();
        int others = prefix == null ? 0 : fillPacked();
        int bits = Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(1, others) * 2 - 1));
        this.shift = 32 - bits;
        this.prefixed = new int[prefix == null ? 0 : 1 << bits];
        Arrays.fill(prefixed, EMPTY_SLOT);
        if (prefix != null) {
            fillPrefixed();
        }
    }

    /**
     * Numbers the names in list order, their name table built on the first {@link #id} (which then throws
     * IllegalArgumentException if a name occurs twice).
     */
    static FeatureIndex lazy(List<String> names) {
        return new FeatureIndex(names.toArray(String[]::new), null);
    }

    private static ObjectIntHashMap<String> table(String[] names) {
        ObjectIntHashMap<String> ids = new ObjectIntHashMap<>(names.length);
        for (int id = 0; id < names.length; id++) {
            ids.put(names[id], id);
        }
        if (ids.size() != names.length) {
            throw new IllegalArgumentException(names.length - ids.size() + " duplicate feature names");
        }
        return ids;
    }

    private ObjectIntHashMap<String> ids() {
        ObjectIntHashMap<String> table = ids;
        if (table == null) {
            synchronized (this) {
                table = ids;
                if (table == null) {
                    table = table(names);
                    ids = table;
                }
            }
        }
        return table;
    }

    /** Puts the names of 3 or 4 chars after the prefix in their packed maps; returns the count of the others. */
    private int fillPacked() {
        int others = 0;
        int skip = prefix.length();
        for (int id = 0; id < names.length; id++) {
            String name = names[id];
            if (name.startsWith(prefix)) {
                int rest = name.length() - skip;
                if (rest == 3 || rest == 4) {
                    (rest == 3 ? packed3 : packed4).put(pack(name.substring(skip).toCharArray(), 0, rest), id);
                } else {
                    others++;
                }
            }
        }
        return others;
    }

    /** The chars packed 16 bits each into a long, the first highest (at most 4 chars). */
    private static long pack(char[] chars, int start, int end) {
        long key = 0;
        for (int i = start; i < end; i++) {
            key = key << 16 | chars[i];
        }
        return key;
    }

    private void fillPrefixed() {
        int skip = prefix.length();
        for (int id = 0; id < names.length; id++) {
            String name = names[id];
            int rest = name.length() - skip;
            if (name.startsWith(prefix) && rest != 3 && rest != 4) {
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
        if (end - start == 3 || end - start == 4) {
            return (end - start == 3 ? packed3 : packed4).getIfAbsent(pack(chars, start, end), -1);
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
        return ids().getIfAbsent(name, -1);
    }

    String name(int id) {
        return names[id];
    }

    /** The lazy index of a name-to-id map whose ids are 0 to {@code size - 1}, each name keeping its id. */
    static FeatureIndex byIds(Map<String, Integer> ids) {
        return lazy(TextcatScorer.namesById(ids));
    }

    /** The names in id order (a read-only view). */
    List<String> names() {
        return Collections.unmodifiableList(Arrays.asList(names));
    }

    /**
     * A classifier's own index (this) bound to the model's: {@code own} is this index with {@code shared}'s instance
     * of each name they have in common (so the classifiers keep no copies of the names), lazy; {@code mapping} gives
     * per id of {@code shared} the id here, or -1.
     */
    record Bound(FeatureIndex own, int[] mapping) {
    }

    Bound boundTo(FeatureIndex shared) {
        String[] sharing = names.clone();
        int[] mapping = new int[shared.size()];
        Arrays.fill(mapping, -1);
        for (int id = 0; id < names.length; id++) {
            int sharedId = shared.id(names[id]);
            if (sharedId >= 0) {
                mapping[sharedId] = id;
                sharing[id] = shared.names[sharedId];
            }
        }
        return new Bound(new FeatureIndex(sharing, null), mapping);
    }
}
