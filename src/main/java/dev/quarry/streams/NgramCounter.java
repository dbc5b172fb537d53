package dev.quarry.streams;

import dev.quarry.text.Language;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ObjLongConsumer;
import org.eclipse.collections.impl.map.mutable.primitive.ObjectLongHashMap;

/**
 * Counts word n-grams (2 to 4 lower-cased tokens) in one pass with a bounded map.
 *
 * <p>Which n-grams count: every token is a word (starts with a letter or digit; letters, digits, {@code - ' .} only;
 * not a clitic such as {@code n't}),
 * the first and last are not stop words and start with a letter; an n-gram never crosses punctuation.
 *
 * <p>The bound: when the map holds more than {@code maxEntries} n-grams, those seen once are dropped, then those seen
 * at most twice, and so on until at most half the limit remain. An n-gram dropped and seen again starts over, so
 * counts are lower bounds; an n-gram that is frequent throughout the corpus is never dropped. With the default limit
 * (two million) a corpus of tens of millions of words is counted exactly for every n-gram seen more than a few times.
 * Memory is about 100 bytes per entry. Not thread-safe.
 */
final class NgramCounter {

    static final int MIN_N = 2;
    static final int MAX_N = 4;

    private final Language language;
    private final int maxEntries;
    private final ObjectLongHashMap<String> counts = new ObjectLongHashMap<>();
    private long prunes;
    private long prunedUpTo;

    NgramCounter(Language language, int maxEntries) {
        if (maxEntries < 2) {
            throw new IllegalArgumentException("maxEntries must be >= 2, got " + maxEntries);
        }
        this.language = language;
        this.maxEntries = maxEntries;
    }

    /** Counts the n-grams of one paragraph's lower-cased tokens. */
    void add(List<String> tokens) {
        for (int start = 0; start < tokens.size(); start++) {
            if (!isEdge(tokens.get(start))) {
                continue;
            }
            StringBuilder ngram = new StringBuilder(tokens.get(start));
            for (int end = start + 1; end < tokens.size() && end - start < MAX_N; end++) {
                String token = tokens.get(end);
                if (!isWord(token)) {
                    break;
                }
                ngram.append(' ').append(token);
                if (isEdge(token)) {
                    counts.addToValue(ngram.toString(), 1);
                }
            }
        }
        if (counts.size() > maxEntries) {
            prune();
        }
    }

    /** The n-grams seen at least {@code minCount} times, most frequent first (ties by text), at most {@code max}. */
    void forEachFrequent(long minCount, int max, ObjLongConsumer<String> sink) {
        record Entry(String ngram, long count) {
        }
        List<Entry> kept = new ArrayList<>();
        counts.forEachKeyValue((ngram, count) -> {
            if (count >= minCount) {
                kept.add(new Entry(ngram, count));
            }
        });
        kept.sort(Comparator.comparingLong(Entry::count).reversed().thenComparing(Entry::ngram));
        kept.stream().limit(max).forEach(e -> sink.accept(e.ngram(), e.count()));
    }

    int size() {
        return counts.size();
    }

    /** How often the map was pruned. */
    long prunes() {
        return prunes;
    }

    /** The highest count that was ever pruned away (0 if never pruned). */
    long prunedUpTo() {
        return prunedUpTo;
    }

    private void prune() {
        prunes++;
        long threshold = pruneThreshold();
        List<String> drop = new ArrayList<>();
        counts.forEachKeyValue((ngram, count) -> {
            if (count <= threshold) {
                drop.add(ngram);
            }
        });
        drop.forEach(counts::removeKey);
        prunedUpTo = Math.max(prunedUpTo, threshold);
    }

    /** The smallest count t such that dropping every n-gram seen at most t times leaves at most half the limit. */
    private long pruneThreshold() {
        int histogramSize = 64;
        long[] atMost = new long[histogramSize + 1];
        counts.forEachValue(count -> atMost[(int) Math.min(count, histogramSize)]++);
        long remaining = counts.size();
        for (int t = 1; t < histogramSize; t++) {
            remaining -= atMost[t];
            if (remaining <= maxEntries / 2) {
                return t;
            }
        }
        return histogramSize;
    }

    private boolean isEdge(String token) {
        return Character.isLetter(token.codePointAt(0)) && isWord(token) && !language.isStopWord(token);
    }

    static boolean isWord(String token) {
        if (token.isEmpty() || !Character.isLetterOrDigit(token.codePointAt(0)) || token.endsWith("n't")) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '-' && c != '\'' && c != '.' && !Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
