package dev.quarry.terms;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ObjLongConsumer;

/** Corpus statistics from maps, and sentences searched by substring: for tests. */
record MapCorpus(Map<String, Long> words, Map<String, Long> ngrams, List<String> sentences)
        implements CorpusStatistics {

    @Override
    public void forEachWord(ObjLongConsumer<String> sink) {
        words.forEach(sink::accept);
    }

    @Override
    public void forEachNgram(ObjLongConsumer<String> sink) {
        ngrams.forEach(sink::accept);
    }

    @Override
    public Optional<String> example(List<String> terms) {
        String phrase = String.join(" ", terms);
        return sentences.stream().filter(s -> s.toLowerCase(java.util.Locale.ROOT).contains(phrase)).findFirst();
    }
}
