package dev.quarry.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The tokenizer's words on every newsgroup post (mostly ASCII, so mostly from the hand-written scanner) are Lucene
 * {@code StandardTokenizer}'s words.
 */
class TokenizerRealDataIT {

    /** {@code ../shared/data} from the repository root; from a worktree under {@code wt/}, one level further up. */
    private static final Path DATA = Files.isDirectory(Path.of("../shared/data")) ? Path.of("../shared/data")
            : Path.of("../../shared/data");
    private static final Path POSTS = DATA.resolve("20newsgroups-bydate/train.jsonl");

    @Test
    void wordsOfEveryNewsgroupPostAreLucenesWords() throws IOException {
        assumeTrue(Files.exists(POSTS), "20 Newsgroups not found at " + POSTS.toAbsolutePath() + ": skipped");
        Tokenizer tokenizer = Tokenizer.forLanguage(Language.GERMAN);
        ObjectMapper json = new ObjectMapper();
        int posts = 0;
        long words = 0;
        try (BufferedReader in = Files.newBufferedReader(POSTS, StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isBlank()) {
                    continue;
                }
                String text = json.readTree(line).get("text").asText();
                List<String> expected = TokenizerTest.luceneWords(text, false);
                assertEquals(expected, wordsOf(tokenizer.tokenize(text), text), "post " + posts);
                posts++;
                words += expected.size();
            }
        }
        assertEquals(true, posts > 10_000 && words > 2_000_000, posts + " posts, " + words + " words");
    }

    /** The tokens that hold a letter or digit: with German (no clitics), exactly the words. */
    private static List<String> wordsOf(Doc doc, String text) {
        List<String> words = new ArrayList<>();
        for (int t = 0; t < doc.size(); t++) {
            if (text.substring(doc.start(t), doc.end(t)).codePoints().anyMatch(Character::isLetterOrDigit)) {
                words.add(doc.start(t) + ":" + doc.end(t));
            }
        }
        return words;
    }
}
