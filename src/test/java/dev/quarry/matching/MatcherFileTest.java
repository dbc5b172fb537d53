package dev.quarry.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.patterns.Attr;
import dev.quarry.patterns.Constraint;
import dev.quarry.patterns.Pattern;
import dev.quarry.patterns.PatternSource;
import dev.quarry.patterns.PhrasePattern;
import dev.quarry.patterns.Predicate;
import dev.quarry.patterns.Quantifier;
import dev.quarry.patterns.TokenPattern;
import dev.quarry.patterns.TokenSpec;
import dev.quarry.text.Doc;
import dev.quarry.text.Language;
import dev.quarry.text.Tokenizer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatcherFileTest {

    @TempDir
    Path dir;

    private static final List<Pattern> PATTERNS = List.of(
            new PhrasePattern("DISEASE", "breast cancer", "D001943", null, new PatternSource("d.jsonl", 1)),
            new PhrasePattern("DISEASE", "Krebs", "42", Attr.NORM, new PatternSource("d.jsonl", 2), true),
            new PhrasePattern("PROF", "ärzte", null, Attr.LOWER, new PatternSource("p.jsonl", 1)),
            new TokenPattern("ORG", List.of(TokenSpec.of(Constraint.equals(Attr.LOWER, "apple")),
                    TokenSpec.of(Constraint.of(Attr.LOWER, new Predicate.In(List.of("inc", "corp"))))
                            .with(Quantifier.OPTIONAL)), "O1", new PatternSource("o.jsonl", 3), false),
            new TokenPattern("NUM", List.of(TokenSpec.of(Constraint.of(Attr.LENGTH,
                    new Predicate.Compare(Predicate.Comparison.GE, 2)), Constraint.equals(Attr.IS_DIGIT, true))
                    .with(Quantifier.range(1, 3)), TokenSpec.of(Constraint.of(Attr.ORTH, Predicate.Regex.of("^[A-Z]")))),
                    null, new PatternSource("o.jsonl", 4), false));

    private static final String TEXT = "Breast cancer? breast cancer! ÄRZTE krebs Apple Inc 12 34 Euro apple";

    @Test
    void savedMatcherReopensWithTheSameMatchesPatternsAndOptions() throws IOException {
        Tokenizer tokenizer = Tokenizer.forLanguage(Language.GERMAN).keepingUrlsAndEmails();
        MatchOptions options = new MatchOptions(tokenizer, Attr.LOWER, Overlap.PRIORITY, List.of("PROF", "ORG"));
        Matcher matcher = Matcher.compile(PATTERNS, options);
        Path file = dir.resolve("m.qm");
        matcher.save(file);
        Matcher reopened = Matcher.open(file);

        Doc doc = tokenizer.tokenize(TEXT);
        for (Overlap overlap : Overlap.values()) {
            assertEquals(matcher.match(doc, overlap), reopened.match(doc, overlap));
        }
        assertEquals(List.of("DISEASE:Breast cancer", "DISEASE:breast cancer", "PROF:ÄRZTE", "DISEASE:krebs",
                "ORG:Apple Inc", "ORG:Apple", "NUM:12 34 Euro", "NUM:34 Euro", "ORG:apple"),
                reopened.match(doc, Overlap.ALL).stream().map(m -> m.label() + ":" + TEXT.substring(m.start(), m.end()))
                        .toList());
        for (int i = 0; i < PATTERNS.size(); i++) {
            assertEquals(PATTERNS.get(i), reopened.pattern(i));
        }
        assertEquals(Language.GERMAN, reopened.options().tokenizer().language());
        assertTrue(reopened.options().tokenizer().keepingUrlsAndEmails() == reopened.options().tokenizer());
        assertEquals(options.withTokenizer(tokenizer), reopened.options().withTokenizer(tokenizer));
        assertEquals(matcher.explain(doc, matcher.match(doc).get(0)), reopened.explain(doc, reopened.match(doc).get(0)));
    }

    @Test
    void matcherWithTrieIn16ByteSlotsReopensWithTheSameMatches() throws IOException {
        Matcher compiled = Matcher.compile(PATTERNS, MatchOptions.defaults());
        Matcher wide = new Matcher(compiled.options(), compiled.table(), compiled.phrases().widened(),
                compiled.tokens());
        Path file = dir.resolve("wide.qm");
        wide.save(file);
        Matcher reopened = Matcher.open(file);

        for (Attr attr : List.of(Attr.ORTH, Attr.LOWER, Attr.NORM)) {
            assertEquals(2, reopened.phrases().tries[PhraseEngine.attrIndex(attr)].width, attr.toString());
        }
        Doc doc = Tokenizer.standard().tokenize(TEXT);
        assertEquals(compiled.match(doc, Overlap.ALL), reopened.match(doc, Overlap.ALL));
        assertEquals(List.of("breast cancer", "ÄRZTE", "krebs"), reopened.match(doc, Overlap.ALL)
                .stream().filter(m -> m.label().equals("DISEASE") || m.label().equals("PROF"))
                .map(m -> TEXT.substring(m.start(), m.end())).toList());
    }

    @Test
    void emptyMatcherRoundTrips() throws IOException {
        Path file = dir.resolve("empty.qm");
        Matcher.compile(List.of(), MatchOptions.defaults()).save(file);
        Matcher reopened = Matcher.open(file);
        assertEquals(0, reopened.size());
        assertEquals(List.of(), reopened.match(Tokenizer.standard().tokenize("a b")));
    }

    @Test
    void wrongMagicIsAClearError() throws IOException {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "hello, this is not a matcher");
        IOException e = assertThrows(IOException.class, () -> Matcher.open(file));
        assertEquals(file + ": not a Quarry matcher file (expected it to start with \"QRYMATCH\")", e.getMessage());
    }

    @Test
    void otherVersionIsAClearError() throws IOException {
        Path file = dir.resolve("m.qm");
        Matcher.compile(PATTERNS, MatchOptions.defaults()).save(file);
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(4 + MatcherFile.MAGIC.length, 99);
        Files.write(file, bytes);
        IOException e = assertThrows(IOException.class, () -> Matcher.open(file));
        assertEquals(file + ": matcher file version 99 is not supported, expected 3 (save the matcher again with "
                + "this version of Quarry)", e.getMessage());
    }

    @Test
    void truncatedFileIsAClearError() throws IOException {
        Path file = dir.resolve("m.qm");
        Matcher.compile(PATTERNS, MatchOptions.defaults()).save(file);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 10));
        IOException e = assertThrows(IOException.class, () -> Matcher.open(file));
        assertTrue(e.getMessage().startsWith(file + ": truncated or corrupt matcher file"), e.getMessage());
    }
}
