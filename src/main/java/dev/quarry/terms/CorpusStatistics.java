package dev.quarry.terms;

import java.util.List;
import java.util.Optional;
import java.util.function.ObjLongConsumer;

/**
 * What the expander needs to know about a corpus, without holding its text: word counts, frequent word n-grams and an
 * example sentence per term. Words are tokens lower-cased with {@link dev.quarry.text.TokenAttributes#lower}.
 * Implementations must be safe to call from one thread at a time. The command line adapts
 * {@code dev.quarry.streams.CorpusIndex} (a Lucene index of the corpus) to this interface; tests use maps.
 */
public interface CorpusStatistics {

    /** Calls {@code sink} once per distinct word of the corpus with its number of occurrences (&gt; 0). */
    void forEachWord(ObjLongConsumer<String> sink);

    /**
     * Calls {@code sink} once per kept n-gram (2 to 4 words joined by single spaces) with its count, counts as the
     * implementation documents (they may be lower bounds when rare n-grams were pruned).
     */
    void forEachNgram(ObjLongConsumer<String> sink);

    /**
     * A sentence of the corpus that contains the words in this order, or empty if there is none.
     *
     * @param words lower-cased words of a term
     */
    Optional<String> example(List<String> words);
}
