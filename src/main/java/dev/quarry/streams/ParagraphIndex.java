package dev.quarry.streams;

import dev.quarry.patterns.Attr;
import dev.quarry.patterns.Constraint;
import dev.quarry.patterns.Pattern;
import dev.quarry.patterns.PhrasePattern;
import dev.quarry.patterns.Predicate;
import dev.quarry.patterns.Quantifier;
import dev.quarry.patterns.TokenPattern;
import dev.quarry.patterns.TokenSpec;
import dev.quarry.text.Doc;
import dev.quarry.text.Language;
import dev.quarry.text.Tokenizer;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * A Lucene index of a corpus's paragraphs, built once ({@code quarry index}), then streamed with the paragraphs that
 * match given phrases first, best first, and every other paragraph after them, each exactly once:
 * {@code find_with_phrases} over the whole corpus, without reading it again.
 *
 * <h2>On disk</h2>
 * A directory holding {@value #PROPERTIES} (format version, paragraph count) and a single-segment Lucene index in
 * corpus order: per paragraph the task's JSON (stored), its tokens for search (Quarry's {@link Tokenizer} for the
 * index's language, each token's NORM: lower case, ASCII-folded; with positions) and its position in the corpus.
 *
 * <h2>Phrases</h2>
 * A phrase is tokenized the same way and searched as a Lucene phrase query (the tokens in order, next to each other,
 * so it finds what a NORM phrase pattern matches, a superset of LOWER and ORTH matches);
 * many phrases are one query whose score (BM25) sums over the phrases that match. {@link #phrases} takes them from
 * patterns: every phrase pattern, and the token patterns whose every token is one exact ORTH, LOWER or NORM value.
 * The index only ranks; exact matches (spans) come from the matcher afterwards.
 *
 * <p>Reading is thread-safe; each {@link #matchesFirst} source is not. Close the index after its sources.
 */
public final class ParagraphIndex implements AutoCloseable {

    /** The file that marks a directory as a paragraph index. */
    public static final String PROPERTIES = "quarry-index.properties";
    static final String FORMAT = "quarry-paragraph-index-1";
    static final String TASK = "task";
    static final String WORDS = "words";
    static final String SEQ = "seq";

    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final Tokenizer tokenizer;

    private ParagraphIndex(Directory directory, DirectoryReader reader, Tokenizer tokenizer) {
        this.directory = directory;
        this.tokenizer = tokenizer;
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
    }

    /** What a build did. */
    public record BuildStats(long paragraphs, long chars, long nanos) {
    }

    /**
     * Indexes every task of {@code tasks} (usually paragraphs: {@link SourceOptions#withParagraphs}) into the new
     * directory {@code output}, in order, and merges the index into one segment.
     *
     * @param tokenizer cuts texts (and later the phrases) into the tokens searched, as the matcher does
     * @param ramBufferMb the indexing buffer, the main use of heap while building
     * @throws FileAlreadyExistsException if {@code output} exists and is not empty
     * @throws IOException on I/O errors
     */
    public static BuildStats build(TaskSource tasks, Path output, Tokenizer tokenizer, double ramBufferMb)
            throws IOException {
        if (Files.isDirectory(output)) {
            try (var entries = Files.list(output)) {
                if (entries.findAny().isPresent()) {
                    throw new FileAlreadyExistsException(output.toString(), null,
                            "already exists and is not empty; remove it or pick another");
                }
            }
        }
        long start = System.nanoTime();
        long count = 0;
        long chars = 0;
        IndexWriterConfig config = new IndexWriterConfig(new WhitespaceAnalyzer())
                .setIndexSort(new Sort(new SortField(SEQ, SortField.Type.LONG)))
                .setRAMBufferSizeMB(ramBufferMb)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE);
        try (Directory dir = FSDirectory.open(output); IndexWriter writer = new IndexWriter(dir, config)) {
            while (tasks.hasNext()) {
                Task task = tasks.next();
                writer.addDocument(document(task, words(tokenizer, task.text()), count++));
                chars += task.text().length();
            }
            writer.forceMerge(1);
            writer.commit();
        }
        writeProperties(output, count, tokenizer.language());
        return new BuildStats(count, chars, System.nanoTime() - start);
    }

    private static Document document(Task task, String words, long seq) {
        Document doc = new Document();
        doc.add(new StoredField(TASK, task.toJson()));
        doc.add(new TextField(WORDS, words, Field.Store.NO));
        doc.add(new NumericDocValuesField(SEQ, seq));
        return doc;
    }

    /** The text's tokens' NORM (lower case, ASCII-folded), space-separated: what the index searches. */
    static String words(Tokenizer tokenizer, String text) {
        Doc doc = tokenizer.tokenize(text);
        StringBuilder words = new StringBuilder(text.length() + 16);
        for (int i = 0; i < doc.size(); i++) {
            String norm = doc.norm(i);
            if (!norm.isBlank()) {
                words.append(words.isEmpty() ? "" : " ").append(norm);
            }
        }
        return words.toString();
    }

    private static void writeProperties(Path output, long count, Language language) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("format", FORMAT);
        properties.setProperty("language", language.code());
        properties.setProperty("paragraphs", Long.toString(count));
        try (Writer out = Files.newBufferedWriter(output.resolve(PROPERTIES), StandardCharsets.UTF_8)) {
            properties.store(out, "Quarry paragraph index");
        }
    }

    /**
     * Opens an index made by {@link #build}.
     *
     * @throws IOException naming the directory if it is not such an index
     */
    public static ParagraphIndex open(Path path) throws IOException {
        Path marker = path.resolve(PROPERTIES);
        if (!Files.isRegularFile(marker)) {
            throw new IOException(path + ": not a Quarry paragraph index (no " + PROPERTIES + "; build one with "
                    + "quarry index)");
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(marker, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        if (!FORMAT.equals(properties.getProperty("format"))) {
            throw new IOException(marker + ": format must be " + FORMAT + ", got " + properties.getProperty("format"));
        }
        Tokenizer tokenizer = Tokenizer.forLanguage(Language.of(properties.getProperty("language", "en")));
        Directory directory = FSDirectory.open(path);
        return new ParagraphIndex(directory, DirectoryReader.open(directory), tokenizer);
    }

    /** The number of paragraphs. */
    public int paragraphs() {
        return reader.maxDoc();
    }

    /**
     * Every paragraph once: those matching any phrase first, highest score first (ties in corpus order), then the
     * others in corpus order. Memory: one bit per paragraph plus one page of hits. Closing does not close the index.
     */
    public IndexedSource matchesFirst(List<String> phrases) {
        return new IndexedSource(searcher, reader, query(phrases));
    }

    /** How many paragraphs match any of the phrases. */
    public int countMatches(List<String> phrases) {
        try {
            return searcher.count(query(phrases));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The query for phrases: a phrase query per phrase, any of them. */
    Query query(List<String> phrases) {
        Set<List<String>> distinct = new LinkedHashSet<>();
        for (String phrase : phrases) {
            List<String> terms = List.of(words(tokenizer, phrase).split(" "));
            if (!terms.get(0).isEmpty()) {
                distinct.add(terms);
            }
        }
        if (distinct.isEmpty()) {
            return new MatchNoDocsQuery("no phrases");
        }
        if (distinct.size() > IndexSearcher.getMaxClauseCount()) {
            IndexSearcher.setMaxClauseCount(distinct.size());
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (List<String> terms : distinct) {
            any.add(new PhraseQuery(WORDS, terms.toArray(String[]::new)), BooleanClause.Occur.SHOULD);
        }
        return any.build();
    }

    /**
     * The phrases of patterns for {@link #matchesFirst}: each phrase pattern's phrase, and each token pattern made
     * only of single tokens with one exact ORTH, LOWER or NORM string (e.g. {@code [{"LOWER":"heart"},
     * {"LOWER":"attack"}]}), joined by spaces. Other token patterns have no phrase and do not rank.
     */
    public static List<String> phrases(List<? extends Pattern> patterns) {
        List<String> phrases = new ArrayList<>();
        for (Pattern pattern : patterns) {
            switch (pattern) {
                case PhrasePattern phrase -> phrases.add(phrase.phrase());
                case TokenPattern token -> literal(token).ifPresent(phrases::add);
            }
        }
        return phrases;
    }

    private static java.util.Optional<String> literal(TokenPattern pattern) {
        List<String> words = new ArrayList<>();
        for (TokenSpec spec : pattern.tokens()) {
            if (!spec.quantifier().equals(Quantifier.ONE) || spec.constraints().size() != 1) {
                return java.util.Optional.empty();
            }
            Constraint constraint = spec.constraints().get(0);
            Set<Attr> textual = Set.of(Attr.ORTH, Attr.LOWER, Attr.NORM);
            if (!textual.contains(constraint.attr()) || constraint.predicates().size() != 1
                    || !(constraint.predicates().get(0) instanceof Predicate.Equals(String word))) {
                return java.util.Optional.empty();
            }
            words.add(word);
        }
        return words.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(String.join(" ", words).toLowerCase(Locale.ROOT));
    }

    @Override
    public void close() throws IOException {
        reader.close();
        directory.close();
    }
}
