package dev.quarry.matching;

import dev.quarry.patterns.Attr;
import dev.quarry.patterns.Pattern;
import dev.quarry.patterns.PatternSource;
import dev.quarry.patterns.PhrasePattern;
import dev.quarry.patterns.TokenPattern;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * What a matcher keeps of its patterns, as columns rather than a million objects: label and file as indices into
 * small tables, id and phrase text packed into one string each, token patterns as they are. {@link #pattern(int)}
 * rebuilds an equal {@link Pattern} on demand.
 *
 * <p>Immutable once built.
 */
final class PatternTable {
    /* kinds[i]: 0..2 = phrase on ORTH/LOWER/NORM with the attr given by the matcher options, 4..6 = the same with
       the attr named by the pattern itself, TOKEN = a token pattern (see tokenPatterns). */
    static final byte TOKEN = 8;
    static final byte EXPLICIT = 4;
    static final Attr[] PHRASE_ATTRS = {Attr.ORTH, Attr.LOWER, Attr.NORM};

    final String[] labels;
    final int[] labelIds;
    final String[] files;
    final int[] fileIds;
    final int[] lines;
    final byte[] kinds;
    final StringColumn ids;
    final StringColumn phrases;
    final BitSet numericIds;
    final Map<Integer, TokenPattern> tokenPatterns;

    PatternTable(String[] labels, int[] labelIds, String[] files, int[] fileIds, int[] lines, byte[] kinds,
                 StringColumn ids, StringColumn phrases, BitSet numericIds, Map<Integer, TokenPattern> tokenPatterns) {
        this.labels = labels;
        this.labelIds = labelIds;
        this.files = files;
        this.fileIds = fileIds;
        this.lines = lines;
        this.kinds = kinds;
        this.ids = ids;
        this.phrases = phrases;
        this.numericIds = numericIds;
        this.tokenPatterns = Map.copyOf(tokenPatterns);
    }

    int size() {
        return kinds.length;
    }

    String label(int i) {
        return labels[labelIds[i]];
    }

    String id(int i) {
        return ids.get(i);
    }

    PatternSource source(int i) {
        return new PatternSource(files[fileIds[i]], lines[i]);
    }

    boolean isPhrase(int i) {
        return kinds[i] != TOKEN;
    }

    /** The attribute a phrase pattern is matched on. */
    Attr phraseAttr(int i) {
        return PHRASE_ATTRS[kinds[i] & 3];
    }

    String phrase(int i) {
        return phrases.get(i);
    }

    TokenPattern tokenPattern(int i) {
        return tokenPatterns.get(i);
    }

    Pattern pattern(int i) {
        if (!isPhrase(i)) {
            return tokenPattern(i);
        }
        Attr attr = (kinds[i] & EXPLICIT) != 0 ? phraseAttr(i) : null;
        return new PhrasePattern(label(i), phrase(i), id(i), attr, source(i), numericIds.get(i));
    }

    long ramBytes() {
        return 13L * kinds.length + ids.ramBytes() + phrases.ramBytes();
    }

    /** Collects patterns in order; not thread-safe. */
    static final class Builder {
        private final Map<String, Integer> labelIndex = new HashMap<>();
        private final Map<String, Integer> fileIndex = new HashMap<>();
        private final Map<Integer, TokenPattern> tokenPatterns = new HashMap<>();
        private final BitSet numericIds = new BitSet();
        private final int[] labelIds;
        private final int[] fileIds;
        private final int[] lines;
        private final byte[] kinds;
        private final StringColumn.Builder ids;
        private final StringColumn.Builder phrases;
        private int size;

        /** Room for {@code capacity} patterns whose ids and phrases have {@code idChars} and {@code phraseChars}. */
        Builder(int capacity, int idChars, int phraseChars) {
            labelIds = new int[capacity];
            fileIds = new int[capacity];
            lines = new int[capacity];
            kinds = new byte[capacity];
            ids = new StringColumn.Builder(capacity, idChars);
            phrases = new StringColumn.Builder(capacity, phraseChars);
        }

        void addPhrase(PhrasePattern pattern, Attr effectiveAttr) {
            int attr = Arrays.asList(PHRASE_ATTRS).indexOf(effectiveAttr);
            add(pattern, (byte) (pattern.attr() != null ? attr | EXPLICIT : attr), pattern.phrase());
        }

        void addToken(TokenPattern pattern) {
            tokenPatterns.put(size, pattern);
            add(pattern, TOKEN, null);
        }

        private void add(Pattern pattern, byte kind, String phrase) {
            labelIds[size] = labelIndex.computeIfAbsent(pattern.label(), k -> labelIndex.size());
            fileIds[size] = fileIndex.computeIfAbsent(pattern.source().file(), k -> fileIndex.size());
            lines[size] = pattern.source().line();
            kinds[size] = kind;
            numericIds.set(size, pattern.numericId());
            ids.add(pattern.id());
            phrases.add(phrase);
            size++;
        }

        PatternTable build() {
            return new PatternTable(keysInOrder(labelIndex), labelIds, keysInOrder(fileIndex), fileIds, lines, kinds,
                    ids.build(), phrases.build(), numericIds, tokenPatterns);
        }

        private static String[] keysInOrder(Map<String, Integer> index) {
            String[] keys = new String[index.size()];
            index.forEach((key, i) -> keys[i] = key);
            return keys;
        }
    }
}
