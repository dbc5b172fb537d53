package dev.quarry.terms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quarry.matching.Match;
import dev.quarry.matching.MatchOptions;
import dev.quarry.matching.Matcher;
import dev.quarry.patterns.PatternFiles;
import dev.quarry.patterns.PatternSet;
import dev.quarry.patterns.PatternWriter;
import dev.quarry.patterns.TokenPattern;
import dev.quarry.text.Doc;
import dev.quarry.text.Tokenizer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TermPatternsTest {

    @TempDir
    Path dir;

    private final List<TermEntry> terms = List.of(new TermEntry("swine flu", List.of("Swine Flu", "swine flus")),
            new TermEntry("virus", List.of("viruses", "Virus")));

    @Test
    void everyFormIsALowerTokenPatternWithTheTermAsId() {
        List<TokenPattern> patterns = TermPatterns.toPatterns(terms, "DISEASE", Tokenizer.standard());
        assertEquals(List.of(
                "{\"label\":\"DISEASE\",\"pattern\":[{\"LOWER\":\"swine\"},{\"LOWER\":\"flu\"}],\"id\":\"swine flu\"}",
                "{\"label\":\"DISEASE\",\"pattern\":[{\"LOWER\":\"swine\"},{\"LOWER\":\"flus\"}],\"id\":\"swine flu\"}",
                "{\"label\":\"DISEASE\",\"pattern\":[{\"LOWER\":\"virus\"}],\"id\":\"virus\"}",
                "{\"label\":\"DISEASE\",\"pattern\":[{\"LOWER\":\"viruses\"}],\"id\":\"virus\"}"),
                patterns.stream().map(PatternWriter::toJsonLine).toList());
    }

    @Test
    void theWrittenFileLoadsAndMatchesMultiWordTermsInText() throws Exception {
        Path file = dir.resolve("diseases.jsonl");
        PatternFiles.write(TermPatterns.toPatterns(terms, "DISEASE", Tokenizer.standard()), file);
        PatternSet loaded = PatternFiles.load(file);
        Matcher matcher = Matcher.compile(loaded.patterns(), MatchOptions.defaults());
        String text = "Two Swine Flu cases and several viruses.";
        Doc doc = Tokenizer.standard().tokenize(text);
        List<String> found = matcher.match(doc).stream().map(m -> text.substring(m.start(), m.end())).toList();
        assertEquals(List.of("Swine Flu", "viruses"), found);
        List<Match> matches = matcher.match(doc);
        assertEquals("swine flu", matches.get(0).patternId());
        assertEquals("virus", matches.get(1).patternId());
    }
}
