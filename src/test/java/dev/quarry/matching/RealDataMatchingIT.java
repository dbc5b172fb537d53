package dev.quarry.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quarry.patterns.Attr;
import dev.quarry.patterns.PatternSource;
import dev.quarry.patterns.PhrasePattern;
import dev.quarry.text.Doc;
import dev.quarry.text.Tokenizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The corpora word lists as phrase patterns over newsgroup posts, checked against a plain reference matcher. */
class RealDataMatchingIT {

    /** {@code ../shared/data} from the repository root; from a worktree under {@code wt/}, one level further up. */
    private static final Path DATA = Files.isDirectory(Path.of("../shared/data")) ? Path.of("../shared/data")
            : Path.of("../../shared/data");
    private static final Path LISTS = DATA.resolve("corpora-lists");
    private static final Path POSTS = DATA.resolve("20newsgroups-bydate/train.jsonl");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static List<PhrasePattern> listPatterns() throws IOException {
        List<PhrasePattern> patterns = new ArrayList<>();
        for (String row : Files.readAllLines(LISTS.resolve("INDEX.tsv"), StandardCharsets.UTF_8)) {
            String[] cells = row.split("\t");
            if (cells.length < 4 || !cells[3].equals("strings")) {
                continue;
            }
            JsonNode list = JSON.readTree(LISTS.resolve(cells[0]).toFile()).get(cells[1]);
            for (int i = 0; list != null && i < list.size(); i++) {
                String phrase = list.get(i).asText();
                if (!phrase.isBlank()) {
                    patterns.add(new PhrasePattern(cells[1].toUpperCase(Locale.ROOT), phrase, null, null,
                            new PatternSource(cells[0], i + 1)));
                }
            }
        }
        return patterns;
    }

    private static List<Doc> posts(int count) throws IOException {
        List<Doc> docs = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(POSTS, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null && docs.size() < count; line = reader.readLine()) {
                docs.add(Tokenizer.standard().tokenize(JSON.readTree(line).get("text").asText()));
            }
        }
        return docs;
    }

    /** A plain reference: phrases grouped by their first token's lower case, compared token by token. */
    private static Set<String> reference(Map<String, List<Integer>> byFirst, List<Doc> phrases, Doc doc) {
        Set<String> found = new TreeSet<>();
        for (int s = 0; s < doc.size(); s++) {
            for (int p : byFirst.getOrDefault(doc.lower(s), List.of())) {
                Doc phrase = phrases.get(p);
                boolean same = s + phrase.size() <= doc.size();
                for (int k = 1; k < phrase.size() && same; k++) {
                    same = phrase.lower(k).equals(doc.lower(s + k));
                }
                if (same) {
                    found.add(p + "@" + s + "-" + (s + phrase.size()));
                }
            }
        }
        return found;
    }

    @Test
    void wordListsMatchNewsgroupPostsAsAReferenceMatcherDoesAndSurviveSaveAndOpen() throws IOException {
        assumeTrue(Files.isDirectory(LISTS) && Files.isRegularFile(POSTS),
                "shared data (corpora-lists, 20newsgroups-bydate) is not at ../shared/data; skipping");
        List<PhrasePattern> patterns = listPatterns();
        Matcher matcher = Matcher.compile(patterns, MatchOptions.defaults().withPhraseAttr(Attr.LOWER));
        List<Doc> phrases = patterns.stream().map(p -> Tokenizer.standard().tokenize(p.phrase())).toList();
        Map<String, List<Integer>> byFirst = new HashMap<>();
        for (int p = 0; p < phrases.size(); p++) {
            byFirst.computeIfAbsent(phrases.get(p).lower(0), k -> new ArrayList<>()).add(p);
        }
        matcher.save(dir.resolve("lists.qm"));
        Matcher reopened = Matcher.open(dir.resolve("lists.qm"));
        int total = 0;
        for (Doc doc : posts(300)) {
            Set<String> actual = new TreeSet<>();
            matcher.forEachMatch(doc, (p, s, e) -> actual.add(p + "@" + s + "-" + e));
            assertEquals(reference(byFirst, phrases, doc), actual);
            assertEquals(matcher.match(doc), reopened.match(doc));
            total += actual.size();
        }
        assertTrue(patterns.size() > 10_000 && total > 100, patterns.size() + " patterns, " + total + " matches");
    }
}
