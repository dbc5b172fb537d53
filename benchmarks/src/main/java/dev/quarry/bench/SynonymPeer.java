package dev.quarry.bench;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;

/**
 * Lucene's StandardTokenizer followed by a SynonymGraphFilter ({@code ignoreCase=true}) over a SynonymMap that maps
 * every phrase to one output token; a match is an output token of type {@code SYNONYM}. The filter matches greedily,
 * longest first, and does not report matches that overlap an earlier one, so it finds fewer matches than the
 * all-matches peers.
 */
final class SynonymPeer implements Peer {

    private static final CharsRef OUTPUT = new CharsRef("m");

    private Analyzer analyzer;

    @Override
    public void compile(List<Phrase> phrases) throws IOException {
        SynonymMap.Builder builder = new SynonymMap.Builder(true);
        CharsRefBuilder scratch = new CharsRefBuilder();
        for (Phrase phrase : phrases) {
            builder.add(SynonymMap.Builder.join(phrase.words(), scratch), OUTPUT, false);
        }
        SynonymMap map = builder.build();
        analyzer = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer tokens = new StandardTokenizer();
                return new TokenStreamComponents(tokens, new SynonymGraphFilter(tokens, map, true));
            }
        };
    }

    @Override
    public Scanner scanner() {
        return text -> {
            try (TokenStream stream = analyzer.tokenStream("", text)) {
                TypeAttribute type = stream.addAttribute(TypeAttribute.class);
                stream.reset();
                long found = 0;
                while (stream.incrementToken()) {
                    if (SynonymGraphFilter.TYPE_SYNONYM.equals(type.type())) {
                        found++;
                    }
                }
                stream.end();
                return found;
            }
        };
    }

    @Override
    public String threading() {
        return "shared SynonymMap; the Analyzer reuses one token stream per thread";
    }

    @Override
    public void close() {
        if (analyzer != null) {
            analyzer.close();
        }
    }
}
