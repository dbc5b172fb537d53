package dev.quarry.streams;

import dev.quarry.text.Doc;
import dev.quarry.text.Sentences;
import dev.quarry.text.Span;
import dev.quarry.text.TokenAttributes;
import dev.quarry.text.Tokenizer;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.function.ObjLongConsumer;
import java.util.stream.Stream;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * A Lucene index of a corpus file with one document per paragraph, built once and reused: word counts, frequent
 * n-grams and example sentences without holding the corpus in memory.
 *
 * <h2>On disk</h2>
 * A directory ({@link #besideCorpus} by default: {@code corpus.jsonl.qidx}) holding {@code lucene/} (field
 * {@code words}: the paragraph's lower-cased tokens, with positions; field {@code text}: the paragraph, stored),
 * {@code ngrams.tsv} ({@code ngram TAB count}, most frequent first) and {@code corpus.properties} (the corpus path,
 * size and modification time, and the settings the index was built with). {@link #open} rebuilds when any of those
 * differ, so an edited corpus is re-indexed; the build writes to a temporary sibling directory and moves it into
 * place, so a failed build leaves the old index (or none).
 *
 * <h2>Counting</h2>
 * Word counts are Lucene's total term frequencies. N-grams are counted during the same single pass by
 * {@link NgramCounter}, whose map is bounded by {@link Settings#maxNgramEntries()} (rare n-grams pruned; counts are
 * lower bounds), and those seen at least {@link Settings#minNgramCount()} times are kept.
 *
 * <p>Reading methods may be called from one thread at a time; {@link #close()} when done.
 */
public final class CorpusIndex implements AutoCloseable {

    /** Version of the directory layout, part of the staleness check. */
    static final int FORMAT = 1;
    static final String WORDS = "words";
    static final String TEXT = "text";
    private static final String PROPERTIES = "corpus.properties";
    private static final String NGRAMS = "ngrams.tsv";
    private static final int MAX_EXAMPLE_CHARS = 300;

    /**
     * How an index is built.
     *
     * @param tokenizer       splits paragraphs into tokens (its language also gives the stop words for n-grams)
     * @param maxNgramEntries bound on distinct n-grams held while counting ({@code >= 2})
     * @param minNgramCount   n-grams seen fewer times are not kept ({@code >= 1})
     * @param maxStoredNgrams at most this many n-grams are kept, the most frequent ({@code >= 0})
     */
    public record Settings(Tokenizer tokenizer, int maxNgramEntries, int minNgramCount, int maxStoredNgrams) {
        public Settings {
            Objects.requireNonNull(tokenizer, "tokenizer");
            if (maxNgramEntries < 2 || minNgramCount < 1 || maxStoredNgrams < 0) {
                throw new IllegalArgumentException("need maxNgramEntries >= 2, minNgramCount >= 1, "
                        + "maxStoredNgrams >= 0, got " + maxNgramEntries + ", " + minNgramCount + ", "
                        + maxStoredNgrams);
            }
        }

        /** The standard tokenizer, two million n-grams while counting, kept if seen twice, 200,000 kept. */
        public static Settings defaults() {
            return new Settings(Tokenizer.standard(), 2_000_000, 2, 200_000);
        }
    }

    /** Told how far a build has got; called on the building thread after each paragraph. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (paragraphs, chars) -> { };

        void update(long paragraphs, long chars);
    }

    private final Path directory;
    private final Settings settings;
    private final Directory lucene;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final boolean built;
    private final long paragraphs;

    private CorpusIndex(Path directory, Settings settings, boolean built) throws IOException {
        this.directory = directory;
        this.settings = settings;
        this.lucene = FSDirectory.open(directory.resolve("lucene"));
        try {
            this.reader = DirectoryReader.open(lucene);
        } catch (IOException | RuntimeException e) {
            lucene.close();
            throw e;
        }
        this.searcher = new IndexSearcher(reader);
        this.built = built;
        this.paragraphs = reader.numDocs();
    }

    /** The default index directory for a corpus: {@code corpus.jsonl} gets {@code corpus.jsonl.qidx}. */
    public static Path besideCorpus(Path corpus) {
        return corpus.toAbsolutePath().resolveSibling(corpus.getFileName() + ".qidx");
    }

    /**
     * Opens the index of {@code corpus} in {@code directory}, building it first if it is missing or stale.
     *
     * @throws CorpusFormatException if the corpus has a bad line (named by file and line); no index is left
     * @throws IOException           if the corpus cannot be read, or {@code directory} exists and is not a corpus
     *                               index (nothing is deleted then)
     */
    public static CorpusIndex open(Path corpus, Path directory, Settings settings, Progress progress)
            throws IOException {
        Path dir = directory.toAbsolutePath();
        Properties expected = describe(corpus, settings);
        if (expected.equals(readProperties(dir))) {
            return new CorpusIndex(dir, settings, false);
        }
        build(corpus, dir, settings, progress, expected);
        return new CorpusIndex(dir, settings, true);
    }

    /** Whether {@link #open} built this index (rather than reusing one). */
    public boolean built() {
        return built;
    }

    public Path directory() {
        return directory;
    }

    /** The number of paragraphs (Lucene documents). */
    public long paragraphs() {
        return paragraphs;
    }

    /** Calls {@code sink} with every distinct token (lower-cased, punctuation included) and its count. */
    public void forEachWord(ObjLongConsumer<String> sink) throws IOException {
        Terms terms = MultiTerms.getTerms(reader, WORDS);
        if (terms == null) {
            return;
        }
        TermsEnum it = terms.iterator();
        for (BytesRef term = it.next(); term != null; term = it.next()) {
            sink.accept(term.utf8ToString(), it.totalTermFreq());
        }
    }

    /** The number of occurrences of a token (lower-cased before the look-up). */
    public long frequency(String word) throws IOException {
        return reader.totalTermFreq(new Term(WORDS, TokenAttributes.lower(word)));
    }

    /** Calls {@code sink} with every kept n-gram (words joined by single spaces) and its count, most frequent first. */
    public void forEachNgram(ObjLongConsumer<String> sink) throws IOException {
        try (BufferedReader lines = Files.newBufferedReader(directory.resolve(NGRAMS), StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                int tab = line.lastIndexOf('\t');
                sink.accept(line.substring(0, tab), Long.parseLong(line.substring(tab + 1)));
            }
        }
    }

    /**
     * The sentence of the best-scoring paragraph (Lucene BM25) that contains the words in this order, cut to about
     * 300 characters around them; empty if no paragraph has them.
     *
     * @param words lower-cased tokens
     */
    public Optional<String> example(List<String> words) throws IOException {
        if (words.isEmpty()) {
            return Optional.empty();
        }
        ScoreDoc[] hits = searcher.search(query(words), 1).scoreDocs;
        if (hits.length == 0) {
            return Optional.empty();
        }
        String text = searcher.storedFields().document(hits[0].doc).get(TEXT);
        return Optional.of(sentenceWith(text, words));
    }

    @Override
    public void close() throws IOException {
        try {
            reader.close();
        } finally {
            lucene.close();
        }
    }

    @Override
    public String toString() {
        return "CorpusIndex[" + directory + ", " + paragraphs + " paragraphs]";
    }

    private static Query query(List<String> words) {
        if (words.size() == 1) {
            return new TermQuery(new Term(WORDS, words.get(0)));
        }
        return new PhraseQuery(WORDS, words.toArray(String[]::new));
    }

    private String sentenceWith(String text, List<String> words) {
        Doc doc = settings.tokenizer().tokenize(text);
        int at = find(doc, words);
        for (Span sentence : Sentences.split(doc, settings.tokenizer().language())) {
            if (at >= sentence.tokenStart() && at < sentence.tokenEnd()) {
                return clip(text, sentence.start(), sentence.end(), doc.start(at));
            }
        }
        return clip(text, 0, text.length(), 0);
    }

    private static int find(Doc doc, List<String> words) {
        for (int i = 0; i + words.size() <= doc.size(); i++) {
            int j = 0;
            while (j < words.size() && doc.lower(i + j).equals(words.get(j))) {
                j++;
            }
            if (j == words.size()) {
                return i;
            }
        }
        return 0;
    }

    private static String clip(String text, int start, int end, int focus) {
        if (end - start > MAX_EXAMPLE_CHARS) {
            start = Math.max(start, focus - MAX_EXAMPLE_CHARS / 3);
            end = Math.min(end, start + MAX_EXAMPLE_CHARS);
        }
        return text.substring(start, end).strip().replaceAll("\\s+", " ");
    }

    private static void build(Path corpus, Path dir, Settings settings, Progress progress, Properties description)
            throws IOException {
        checkReplaceable(dir);
        Files.createDirectories(dir.getParent());
        Path temp = Files.createDirectory(dir.resolveSibling(dir.getFileName() + "." + Long.toHexString(
                System.nanoTime()) + ".tmp"));
        try {
            NgramCounter counter = new NgramCounter(settings.tokenizer().language(), settings.maxNgramEntries());
            index(corpus, temp.resolve("lucene"), settings, counter, progress);
            writeNgrams(counter, temp.resolve(NGRAMS), settings);
            try (Writer out = Files.newBufferedWriter(temp.resolve(PROPERTIES), StandardCharsets.UTF_8)) {
                description.store(out, "Quarry corpus index; rebuilt when any of these change");
            }
            deleteRecursively(dir);
            Files.move(temp, dir);
        } finally {
            deleteRecursively(temp);
        }
    }

    private static void index(Path corpus, Path luceneDir, Settings settings, NgramCounter counter,
                              Progress progress) throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(new WhitespaceAnalyzer()).setRAMBufferSizeMB(64);
        try (Directory directory = FSDirectory.open(luceneDir);
             IndexWriter writer = new IndexWriter(directory, config)) {
            long[] seen = new long[2];
            CorpusReader.read(corpus, paragraph -> {
                List<String> tokens = lowerTokens(settings.tokenizer().tokenize(paragraph));
                counter.add(tokens);
                Document doc = new Document();
                doc.add(new TextField(WORDS, String.join(" ", tokens), Field.Store.NO));
                doc.add(new StoredField(TEXT, paragraph));
                writer.addDocument(doc);
                seen[0]++;
                seen[1] += paragraph.length();
                progress.update(seen[0], seen[1]);
            });
            writer.forceMerge(1);
            writer.commit();
        }
    }

    private static List<String> lowerTokens(Doc doc) {
        List<String> tokens = new ArrayList<>(doc.size());
        for (int i = 0; i < doc.size(); i++) {
            tokens.add(doc.lower(i));
        }
        return tokens;
    }

    private static void writeNgrams(NgramCounter counter, Path file, Settings settings) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            IOException[] failure = new IOException[1];
            counter.forEachFrequent(settings.minNgramCount(), settings.maxStoredNgrams(), (ngram, count) -> {
                try {
                    out.write(ngram + "\t" + count + "\n");
                } catch (IOException e) {
                    failure[0] = e;
                }
            });
            if (failure[0] != null) {
                throw failure[0];
            }
        }
    }

    private static Properties describe(Path corpus, Settings settings) throws IOException {
        Properties p = new Properties();
        p.setProperty("format", Integer.toString(FORMAT));
        p.setProperty("corpus", corpus.toAbsolutePath().normalize().toString());
        p.setProperty("corpus.size", Long.toString(Files.size(corpus)));
        p.setProperty("corpus.mtime.ms", Long.toString(Files.getLastModifiedTime(corpus).toMillis()));
        p.setProperty("language", settings.tokenizer().language().code());
        p.setProperty("ngrams.max.entries", Integer.toString(settings.maxNgramEntries()));
        p.setProperty("ngrams.min.count", Integer.toString(settings.minNgramCount()));
        p.setProperty("ngrams.max.stored", Integer.toString(settings.maxStoredNgrams()));
        return p;
    }

    private static Properties readProperties(Path dir) throws IOException {
        Path file = dir.resolve(PROPERTIES);
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            }
        }
        return p;
    }

    private static void checkReplaceable(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        boolean empty;
        try (Stream<Path> files = Files.list(dir)) {
            empty = files.findAny().isEmpty();
        }
        if (!empty && !Files.isRegularFile(dir.resolve(PROPERTIES))) {
            throw new IOException(dir + ": exists and is not a corpus index; not replacing it");
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
