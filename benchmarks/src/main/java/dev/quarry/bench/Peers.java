package dev.quarry.bench;

import dev.quarry.text.Tokenizer;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/** The peers by name, and the two tokenizer floors. */
final class Peers {

    /** Tokenizer floors: they ignore the patterns, so they run once, at size 0. */
    static final Set<String> FLOORS = Set.of("lucene-tokenizer", "quarry-tokenizer");

    /** Largest size each peer is run at, with the reason, where it is limited. */
    static final Map<String, Limit> LIMITS = Map.of("monitor", new Limit(100_000,
            "the issue asks for Monitor at 1k and 100k only; at 100k it already scans two to three orders of "
                    + "magnitude slower than the token-level peers, and 1M queries would not fit the run's time "
                    + "budget"));

    private static final Map<String, Supplier<Peer>> FACTORIES = Map.of(
            "lucene-tokenizer", LuceneTokenizer::new,
            "quarry-tokenizer", QuarryTokenizer::new,
            "quarry", QuarryPeer::new,
            "quarry-match", QuarryPeer.MatchOnly::new,
            "trie", HashTriePeer::new,
            "aho", AhoCorasickPeer::new,
            "synonym", SynonymPeer::new,
            "opennlp", DictionaryPeer::new,
            "monitor", MonitorPeer::new,
            "fst", FstPeer::new);

    /** The order of the report. */
    static final List<String> ALL = List.of("lucene-tokenizer", "quarry-tokenizer", "quarry", "quarry-match",
            "trie", "aho", "synonym", "opennlp", "monitor", "fst");

    private Peers() {
    }

    record Limit(int maxSize, String reason) {
    }

    static Peer create(String name) {
        Supplier<Peer> factory = FACTORIES.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("unknown peer \"" + name + "\", expected one of " + ALL);
        }
        return factory.get();
    }

    /** Lucene's StandardTokenizer alone, counting its tokens: the floor for every token-level matcher. */
    static final class LuceneTokenizer implements Peer {
        @Override
        public void compile(List<Phrase> phrases) {
        }

        @Override
        public Scanner scanner() {
            StandardTokenizer tokens = new StandardTokenizer();
            return text -> {
                tokens.setReader(new StringReader(text));
                tokens.reset();
                long count = 0;
                while (tokens.incrementToken()) {
                    count++;
                }
                tokens.end();
                tokens.close();
                return count;
            };
        }

        @Override
        public String threading() {
            return "one tokenizer per thread";
        }

        @Override
        public boolean countsTokens() {
            return true;
        }
    }

    /** Quarry's tokenizer alone (Lucene's plus punctuation tokens and clitic splits), counting its tokens. */
    static final class QuarryTokenizer implements Peer {
        private final Tokenizer tokenizer = Tokenizer.standard();

        @Override
        public void compile(List<Phrase> phrases) {
        }

        @Override
        public Scanner scanner() {
            return text -> tokenizer.tokenize(text).size();
        }

        @Override
        public String threading() {
            return "shared (Tokenizer is thread-safe)";
        }

        @Override
        public boolean countsTokens() {
            return true;
        }
    }

}
