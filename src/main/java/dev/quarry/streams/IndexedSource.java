package dev.quarry.streams;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.NoSuchElementException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.FixedBitSet;

/**
 * The stream of a {@link ParagraphIndex}: the hits of a query, best first, a page at a time, then every paragraph
 * that was not a hit, in corpus order. A bit per paragraph remembers what was emitted, so nothing comes twice.
 * Not thread-safe.
 */
public final class IndexedSource implements TaskSource {

    static final int PAGE = 4096;

    private final IndexSearcher searcher;
    private final Query query;
    private final StoredFields stored;
    private final FixedBitSet emitted;
    private ScoreDoc[] page = new ScoreDoc[0];
    private int inPage;
    private ScoreDoc last;
    private boolean hitsDone;
    private int nextDoc;
    private long hits;

    IndexedSource(IndexSearcher searcher, DirectoryReader reader, Query query) {
        this.searcher = searcher;
        this.query = query;
        try {
            this.stored = reader.storedFields();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.emitted = new FixedBitSet(Math.max(1, reader.maxDoc()));
    }

    @Override
    public boolean hasNext() {
        if (!hitsDone && inPage == page.length) {
            nextPage();
        }
        if (!hitsDone) {
            return true;
        }
        while (nextDoc < searcher.getIndexReader().maxDoc() && emitted.get(nextDoc)) {
            nextDoc++;
        }
        return nextDoc < searcher.getIndexReader().maxDoc();
    }

    private void nextPage() {
        try {
            TopDocs top = last == null ? searcher.search(query, PAGE) : searcher.searchAfter(last, query, PAGE);
            page = top.scoreDocs;
            inPage = 0;
            hitsDone = page.length == 0;
            if (!hitsDone) {
                last = page[page.length - 1];
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Task next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more paragraphs");
        }
        int doc = hitsDone ? nextDoc++ : page[inPage++].doc;
        if (!hitsDone) {
            hits++;
        }
        emitted.set(doc);
        return load(doc);
    }

    private Task load(int doc) {
        try {
            return Task.parse(stored.document(doc).get(ParagraphIndex.TASK));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many paragraphs were emitted as hits of the query so far. */
    public long hits() {
        return hits;
    }

    @Override
    public void close() {
    }
}
