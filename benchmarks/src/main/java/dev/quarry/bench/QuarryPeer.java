package dev.quarry.bench;

import dev.quarry.matching.MatchOptions;
import dev.quarry.matching.MatchSink;
import dev.quarry.matching.Matcher;
import dev.quarry.patterns.Attr;
import dev.quarry.patterns.PhrasePattern;
import dev.quarry.text.Doc;
import dev.quarry.text.Tokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Quarry: {@link Matcher#forEachMatch(String, MatchSink)}, which tokenizes with {@code Tokenizer.standard()} and looks
 * each token up as it is made, over a matcher compiled from {@link PhrasePattern}s with
 * {@code MatchOptions.defaults().withPhraseAttr(Attr.LOWER)}: every match, overlaps included, nothing allocated per
 * token or match.
 */
class QuarryPeer implements Peer {

    final Tokenizer tokenizer = Tokenizer.standard();
    Matcher matcher;

    /** Tokenizes and matches; the match-only row overrides it with docs tokenized before timing. */
    void scan(String text, MatchSink sink) {
        matcher.forEachMatch(text, sink);
    }

    @Override
    public void compile(List<Phrase> phrases) {
        List<PhrasePattern> patterns = new ArrayList<>(phrases.size());
        for (Phrase phrase : phrases) {
            patterns.add(new PhrasePattern(phrase.label(), phrase.text()));
        }
        matcher = Matcher.compile(patterns, MatchOptions.defaults().withPhraseAttr(Attr.LOWER));
    }

    @Override
    public Scanner scanner() {
        Counter counter = new Counter();
        return text -> {
            counter.count = 0;
            scan(text, counter);
            return counter.count;
        };
    }

    private static final class Counter implements MatchSink {
        long count;

        @Override
        public void accept(int patternIndex, int tokenStart, int tokenEnd) {
            count++;
        }
    }

    /** Saves, then opens three times and keeps the fastest open; the opened matcher replaces the compiled one. */
    @Override
    public SaveOpen saveAndOpen(Path file) throws IOException {
        long begin = System.nanoTime();
        matcher.save(file);
        double saveMillis = (System.nanoTime() - begin) / 1e6;
        double openMillis = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            begin = System.nanoTime();
            matcher = Matcher.open(file);
            openMillis = Math.min(openMillis, (System.nanoTime() - begin) / 1e6);
        }
        return new SaveOpen(saveMillis, openMillis, Files.size(file));
    }

    @Override
    public String threading() {
        return "shared Matcher (thread-safe, per-thread scratch)";
    }

    /**
     * Quarry's matcher alone: {@link Matcher#forEachMatch(Doc, MatchSink)} over documents tokenized in
     * {@link #prepare}, before timing, so the row shows what matching costs without the tokenizer. Not a target row;
     * a diagnostic.
     */
    static final class MatchOnly extends QuarryPeer {
        private final Map<String, Doc> docs = new IdentityHashMap<>();

        @Override
        public void prepare(Corpus corpus) {
            docs.clear();
            for (String text : corpus.docs()) {
                docs.put(text, tokenizer.tokenize(text));
            }
        }

        @Override
        void scan(String text, MatchSink sink) {
            Doc doc = docs.get(text);
            matcher.forEachMatch(doc != null ? doc : tokenizer.tokenize(text), sink);
        }
    }
}
