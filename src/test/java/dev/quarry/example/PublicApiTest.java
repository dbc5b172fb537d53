package dev.quarry.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quarry.matching.Match;
import dev.quarry.matching.MatchOptions;
import dev.quarry.matching.Matcher;
import dev.quarry.matching.Overlap;
import dev.quarry.patterns.Attr;
import dev.quarry.patterns.PatternFiles;
import dev.quarry.patterns.PatternSet;
import dev.quarry.text.Doc;
import dev.quarry.text.Offsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a library user writes: only public types, from a pattern file on disk to matches and their sources. */
class PublicApiTest {

    @Test
    void loadsPatternFilesCompilesAndMatchesWithSources(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("terms.jsonl");
        Files.writeString(file, """
                {"label": "DISEASE", "pattern": "avian flu", "id": "flu"}
                {"label": "DISEASE", "pattern": "flu", "id": "flu"}
                {"label": "ORG", "pattern": [{"IS_TITLE": true, "OP": "+"}, {"LOWER": "inc"}]}
                """);
        PatternSet patterns = PatternFiles.load(dir);
        Matcher matcher = Matcher.compile(patterns.patterns(),
                MatchOptions.defaults().withPhraseAttr(Attr.LOWER).withOverlap(Overlap.LONGEST));

        String text = "😷 Avian flu hit Acme Farms Inc last week";
        Doc doc = matcher.options().tokenizer().tokenize(text);
        List<Match> matches = matcher.match(doc);

        assertEquals(List.of("Avian flu", "Acme Farms Inc"),
                matches.stream().map(m -> text.substring(m.start(), m.end())).toList());
        assertEquals(file + ":1", matches.get(0).source().toString());
        assertEquals("flu", matches.get(0).patternId());
        assertEquals(2, Offsets.of(text).toCodePoint(matches.get(0).start()));
        assertEquals(4, matcher.match(doc, Overlap.ALL).size(), "avian flu, flu, Acme Farms Inc, Farms Inc");
    }
}
