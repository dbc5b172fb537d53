package dev.quarry.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quarry.text.Doc;
import dev.quarry.text.Language;
import dev.quarry.text.Tokenizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Builds the benchmark's inputs from {@code ../shared/data}, deterministically (seed {@value #SEED}), into the work
 * directory, once: the pattern file and the two text corpora.
 *
 * <p>Patterns ({@code patterns.tsv}, label TAB phrase, 1M lines; a size-N set is its first N lines):
 * <ul>
 *   <li>{@code WORD}: GloVe vocabulary words ranked {@value #SKIP_TOP_WORDS} and below (the most frequent words,
 *       which every text hits, are left out);</li>
 *   <li>{@code LIST:<category>}: entries of the corpora-lists JSON files (string items, and the first string field of
 *       object items), except single words among the top GloVe words or stop words (the {@code words} category
 *       lists "the", "and" ...);</li>
 *   <li>{@code NGRAM}: 2- to 4-grams of 20 Newsgroups whose first and last words are not stop words: those seen at
 *       least twice (train and test splits together) first, then, to fill up to 1M, those seen once and only in the
 *       test split (see {@link #ngrams}).</li>
 * </ul>
 * Every phrase is lowercase with 1 to 6 tokens of Latin letters or digits, so all peers' tokenizers agree on it.
 * The union is deduplicated and shuffled, so every prefix has the same mix.
 */
final class BenchData {

    static final long SEED = 42;
    static final int MAX_PATTERNS = 1_000_000;
    static final int SKIP_TOP_WORDS = 1000;
    static final String VERSION = "v3";

    private final Set<String> topWords = new HashSet<>();
    private final Path data;
    private final Path work;
    private final int textMegabytes;

    BenchData(Path data, Path work, int textMegabytes) {
        this.data = data;
        this.work = work.resolve(VERSION);
        this.textMegabytes = textMegabytes;
    }

    Path patterns() {
        return work.resolve("patterns.tsv");
    }

    Path newsgroups() {
        return work.resolve("20ng-train-" + textMegabytes + "mb.corpus");
    }

    Path accented() {
        return work.resolve("20ng-train-" + textMegabytes + "mb-accented.corpus");
    }

    /** The corpus file of a name in {@link Options#CORPORA}. */
    Path corpus(String name) {
        return switch (name) {
            case "20ng" -> newsgroups();
            case "conll" -> conll();
            case "20ng-accented" -> accented();
            default -> throw new IllegalArgumentException("unknown corpus " + name);
        };
    }

    Path conll() {
        return work.resolve("conll2003-train.corpus");
    }

    /** Builds whatever is missing. */
    void prepare() throws IOException {
        Files.createDirectories(work);
        Tokenizer tokenizer = Tokenizer.standard();
        if (!Files.exists(newsgroups())) {
            Main.progress("building %s", newsgroups());
            Corpus.of(newsgroupsSlice(), tokenizer).write(newsgroups());
        }
        if (!Files.exists(conll())) {
            Main.progress("building %s", conll());
            Corpus.of(conllSentences(), tokenizer).write(conll());
        }
        if (!Files.exists(accented())) {
            Main.progress("building %s", accented());
            Corpus.of(newsgroupsSlice().stream().map(BenchData::accented).toList(), tokenizer).write(accented());
        }
        if (!Files.exists(patterns())) {
            Main.progress("building %s (GloVe words, corpora lists, 20NG n-grams)", patterns());
            writePatterns(buildPatterns(tokenizer));
        }
    }

    /** The first N phrases. */
    static List<Peer.Phrase> readPatterns(Path file, int count) throws IOException {
        List<Peer.Phrase> out = new ArrayList<>(count);
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while (out.size() < count && (line = in.readLine()) != null) {
                int tab = line.indexOf('\t');
                out.add(new Peer.Phrase(line.substring(0, tab), line.substring(tab + 1)));
            }
        }
        if (out.size() < count) {
            throw new IllegalStateException(file + " has " + out.size() + " patterns, need " + count);
        }
        return out;
    }

    private static final String VOWELS = "aeiouAEIOU";
    private static final String ACUTE = "áéíóúÁÉÍÓÚ";

    /**
     * The text as a text in a language with accents might look, for the non-ASCII paths: in one word of four (seeded
     * by the text, so the same text always gets the same accents) the first vowel takes an acute accent, and one
     * sentence end of five gets an emoji after it.
     */
    static String accented(String text) {
        Random random = new Random(SEED ^ text.hashCode());
        StringBuilder out = new StringBuilder(text.length() + text.length() / 8);
        boolean inWord = false;
        boolean accent = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean letter = c < 0x80 && Character.isLetter(c);
            if (letter && !inWord) {
                accent = random.nextInt(4) == 0;
            }
            inWord = letter;
            int vowel = VOWELS.indexOf(c);
            out.append(accent && vowel >= 0 ? ACUTE.charAt(vowel) : c);
            accent &= vowel < 0;
            if (c == '.' && i + 1 < text.length() && text.charAt(i + 1) == ' ' && random.nextInt(5) == 0) {
                out.append(" \uD83D\uDE42");
            }
        }
        return out.toString();
    }

    private List<String> newsgroupsSlice() throws IOException {
        List<String> docs = newsgroups("train");
        Collections.shuffle(docs, new Random(SEED));
        List<String> slice = new ArrayList<>();
        long bytes = 0;
        long limit = textMegabytes * 1_000_000L;
        for (int i = 0; i < docs.size() && bytes < limit; i++) {
            slice.add(docs.get(i));
            bytes += docs.get(i).getBytes(StandardCharsets.UTF_8).length;
        }
        return slice;
    }

    private List<String> newsgroups(String split) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> docs = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(
                data.resolve("20newsgroups-bydate/" + split + ".jsonl"), StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    docs.add(json.readTree(line).get("text").asText());
                }
            }
        }
        return docs;
    }

    /** CoNLL-2003 train sentences, tokens joined by single spaces; -DOCSTART- lines dropped. */
    private List<String> conllSentences() throws IOException {
        List<String> sentences = new ArrayList<>();
        StringBuilder sentence = new StringBuilder();
        for (String line : Files.readAllLines(data.resolve("conll2003-en/eng.train"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("-DOCSTART-")) {
                if (!sentence.isEmpty()) {
                    sentences.add(sentence.toString());
                    sentence.setLength(0);
                }
                continue;
            }
            sentence.append(sentence.isEmpty() ? "" : " ").append(line, 0, line.indexOf(' '));
        }
        if (!sentence.isEmpty()) {
            sentences.add(sentence.toString());
        }
        return sentences;
    }

    private List<Peer.Phrase> buildPatterns(Tokenizer tokenizer) throws IOException {
        Map<String, String> byPhrase = new LinkedHashMap<>();
        Random random = new Random(SEED);
        addShuffled(byPhrase, gloveWords(), random, Integer.MAX_VALUE);
        addShuffled(byPhrase, listEntries(), random, Integer.MAX_VALUE);
        List<List<Peer.Phrase>> ngrams = ngrams(tokenizer);
        for (List<Peer.Phrase> band : ngrams) {
            addShuffled(byPhrase, band, random, MAX_PATTERNS);
        }
        List<Peer.Phrase> all = new ArrayList<>(byPhrase.size());
        byPhrase.forEach((phrase, label) -> all.add(new Peer.Phrase(label, phrase)));
        Collections.shuffle(all, random);
        return all;
    }

    private static void addShuffled(Map<String, String> into, List<Peer.Phrase> phrases, Random random, int limit) {
        List<Peer.Phrase> shuffled = new ArrayList<>(phrases);
        Collections.shuffle(shuffled, random);
        for (Peer.Phrase phrase : shuffled) {
            if (into.size() >= limit) {
                return;
            }
            into.putIfAbsent(phrase.text(), phrase.label());
        }
    }

    private List<Peer.Phrase> gloveWords() throws IOException {
        List<Peer.Phrase> words = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(
                data.resolve("glove-6b-100d-top100k/glove.6B.100d.top100k.txt"), StandardCharsets.UTF_8)) {
            String line;
            for (int rank = 0; (line = in.readLine()) != null; rank++) {
                String word = line.substring(0, line.indexOf(' '));
                if (rank < SKIP_TOP_WORDS) {
                    topWords.add(word);
                } else if (isWord(word)) {
                    words.add(new Peer.Phrase("WORD", word));
                }
            }
        }
        return words;
    }

    private List<Peer.Phrase> listEntries() throws IOException {
        Path root = data.resolve("corpora-lists");
        ObjectMapper json = new ObjectMapper();
        List<Peer.Phrase> entries = new ArrayList<>();
        List<String> index = Files.readAllLines(root.resolve("INDEX.tsv"), StandardCharsets.UTF_8);
        for (String row : index.subList(1, index.size())) {
            String[] cells = row.split("\t");
            JsonNode list = json.readTree(root.resolve(cells[0]).toFile()).get(cells[1]);
            String label = "LIST:" + cells[0].substring(0, cells[0].indexOf('/'));
            if (list != null && list.isArray()) {
                for (JsonNode item : list) {
                    addPhrase(entries, label, itemText(item), topWords);
                }
            }
        }
        return entries;
    }

    private static String itemText(JsonNode item) {
        if (item.isTextual()) {
            return item.asText();
        }
        for (JsonNode field : item) {
            if (field.isTextual()) {
                return field.asText();
            }
        }
        return null;
    }

    /** Adds the list entry if it qualifies; single common words (GloVe top words, stop words) do not. */
    private static void addPhrase(List<Peer.Phrase> into, String label, String text, Set<String> topWords) {
        if (text == null) {
            return;
        }
        String phrase = String.join(" ", text.toLowerCase(Locale.ROOT).trim().split("\\s+"));
        String[] words = phrase.split(" ");
        if (words.length > 6 || words.length == 1 && (topWords.contains(words[0])
                || Language.ENGLISH.isStopWord(words[0]))) {
            return;
        }
        for (String word : words) {
            if (!isWord(word)) {
                return;
            }
        }
        into.add(new Peer.Phrase(label, phrase));
    }

    /**
     * N-grams seen at least twice in the 20NG train and test splits together, then n-grams seen once, in the test
     * split only. The second band makes the automaton big without matching the (train) text on every token, as a
     * large terminology does; n-grams seen once in train are left out, since they would all hit the train text.
     */
    private List<List<Peer.Phrase>> ngrams(Tokenizer tokenizer) throws IOException {
        Map<String, int[]> counts = new HashMap<>();
        for (String text : newsgroups("train")) {
            countNgrams(tokenizer.tokenize(text), counts, 0);
        }
        for (String text : newsgroups("test")) {
            countNgrams(tokenizer.tokenize(text), counts, 1);
        }
        List<Peer.Phrase> frequent = new ArrayList<>();
        List<Peer.Phrase> testOnly = new ArrayList<>();
        counts.forEach((ngram, count) -> {
            if (count[0] + count[1] >= 2) {
                frequent.add(new Peer.Phrase("NGRAM", ngram));
            } else if (count[1] == 1) {
                testOnly.add(new Peer.Phrase("NGRAM", ngram));
            }
        });
        frequent.sort((a, b) -> a.text().compareTo(b.text()));
        testOnly.sort((a, b) -> a.text().compareTo(b.text()));
        Main.progress("n-grams: %d seen twice or more, %d once in test only", frequent.size(), testOnly.size());
        return List.of(frequent, testOnly);
    }

    /** Counts the doc's n-grams into {@code counts.get(ngram)[split]}. */
    private static void countNgrams(Doc doc, Map<String, int[]> counts, int split) {
        String[] lower = new String[doc.size()];
        for (int i = 0; i < doc.size(); i++) {
            lower[i] = isWord(doc.lower(i)) ? doc.lower(i) : null;
        }
        for (int start = 0; start < lower.length; start++) {
            if (lower[start] == null || Language.ENGLISH.isStopWord(lower[start])) {
                continue;
            }
            StringBuilder ngram = new StringBuilder(lower[start]);
            for (int end = start + 1; end < Math.min(lower.length, start + 4) && lower[end] != null; end++) {
                ngram.append(' ').append(lower[end]);
                if (!Language.ENGLISH.isStopWord(lower[end])) {
                    counts.computeIfAbsent(ngram.toString(), k -> new int[2])[split]++;
                }
            }
        }
    }

    /** Latin letters or digits only, lowercase. */
    static boolean isWord(String token) {
        if (token.isEmpty()) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c >= 0x250 || !Character.isLetterOrDigit(c) || Character.isUpperCase(c)) {
                return false;
            }
        }
        return true;
    }

    private void writePatterns(List<Peer.Phrase> phrases) throws IOException {
        List<String> lines = new ArrayList<>(phrases.size());
        for (Peer.Phrase phrase : phrases) {
            lines.add(phrase.label() + "\t" + phrase.text());
        }
        Path tmp = patterns().resolveSibling("patterns.tsv.tmp");
        Files.write(tmp, lines, StandardCharsets.UTF_8);
        Files.move(tmp, patterns());
        Main.progress("wrote %d patterns", phrases.size());
    }
}
