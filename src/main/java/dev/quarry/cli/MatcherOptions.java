package dev.quarry.cli;

import dev.quarry.matching.MatchOptions;
import dev.quarry.matching.Overlap;
import dev.quarry.patterns.Attr;
import dev.quarry.text.Tokenizer;
import java.util.List;
import picocli.CommandLine.Option;

/** How patterns match, the options {@code quarry match} and {@code quarry serve} share. */
final class MatcherOptions {

    @Option(names = "--attr", paramLabel = "ORTH|LOWER|NORM", defaultValue = "ORTH",
            description = "Token attribute phrase patterns compare on, unless a file sets phrase_matcher_attr "
                    + "(default: ${DEFAULT-VALUE}).")
    String attr;

    @Option(names = "--overlap", paramLabel = "longest|all|priority", defaultValue = "longest",
            description = "longest: longest match first, no overlaps (EntityRuler); all: every match "
                    + "(PhraseMatcher); priority: labels in --priority order win (default: ${DEFAULT-VALUE}).")
    String overlap;

    @Option(names = "--priority", split = ",", paramLabel = "LABEL",
            description = "Label order for --overlap priority, first wins.")
    List<String> priority = List.of();

    @Option(names = "--lang", defaultValue = "en", paramLabel = "en|es|de",
            description = "Language of the texts (default: ${DEFAULT-VALUE}).")
    String language;

    /**
     * The options as the matcher takes them.
     *
     * @throws UserException (usage) naming the option with a bad value
     */
    MatchOptions toMatchOptions() {
        Attr phraseAttr = Attr.byName(attr).filter(Attr::isPhraseAttr).orElseThrow(() -> new UserException(
                ExitCodes.USAGE, "--attr must be ORTH, LOWER or NORM, got \"" + attr + "\""));
        return MatchOptions.defaults()
                .withTokenizer(Tokenizer.forLanguage(MatchCommand.language(language)))
                .withPhraseAttr(phraseAttr)
                .withOverlap(MatchCommand.parse(Overlap.class, overlap, "--overlap"))
                .withLabelPriority(priority);
    }
}
