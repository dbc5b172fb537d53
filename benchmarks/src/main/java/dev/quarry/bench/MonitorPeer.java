package dev.quarry.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.search.PhraseQuery;

/**
 * Lucene Monitor (in-memory query index, default term-filtered presearcher) with one PhraseQuery per pattern over
 * StandardTokenizer + LowerCaseFilter. Monitor answers which queries match a document, not where or how often, so
 * its count is (document, pattern) pairs, below the all-matches peers' counts.
 */
final class MonitorPeer implements Peer {

    private static final String FIELD = "text";

    private Monitor monitor;

    @Override
    public void compile(List<Phrase> phrases) throws IOException {
        Analyzer analyzer = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer tokens = new StandardTokenizer();
                return new TokenStreamComponents(tokens, new LowerCaseFilter(tokens));
            }
        };
        monitor = new Monitor(analyzer);
        List<MonitorQuery> batch = new ArrayList<>();
        for (int i = 0; i < phrases.size(); i++) {
            batch.add(new MonitorQuery(Integer.toString(i), new PhraseQuery(FIELD, phrases.get(i).words())));
            if (batch.size() == 10_000 || i == phrases.size() - 1) {
                monitor.register(batch);
                batch.clear();
            }
        }
    }

    @Override
    public Scanner scanner() {
        return text -> {
            Document doc = new Document();
            doc.add(new TextField(FIELD, text, Field.Store.NO));
            return monitor.match(doc, QueryMatch.SIMPLE_MATCHER).getMatchCount();
        };
    }

    @Override
    public String threading() {
        return "shared Monitor (match is thread-safe)";
    }

    @Override
    public void close() throws IOException {
        if (monitor != null) {
            monitor.close();
        }
    }
}
