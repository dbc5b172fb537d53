package dev.quarry.matching;

import dev.quarry.patterns.Attr;
import dev.quarry.patterns.Pattern;
import dev.quarry.patterns.PatternSource;
import dev.quarry.patterns.PhrasePattern;
import dev.quarry.patterns.TokenPattern;
import dev.quarry.text.Doc;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Phrase and token patterns compiled into one matcher. Patterns are numbered by their position in the list given to
 * {@link #compile}; every match names its pattern by that index, label, id and source.
 *
 * <p>Immutable and thread-safe: the only mutable state is scratch buffers, one set per platform thread and a few
 * shared by virtual threads (see {@code ScratchPool}). Token offsets are token indices (start inclusive, end
 * exclusive); char offsets are UTF-16 {@code String} indices.
 */
public final class Matcher {
    /* The phrase path (PhraseEngine) is the hot one and allocates nothing per token; from a String it never builds a
       Doc. The token-pattern path (TokenEngine) needs a Doc and allocates per doc and per tried pattern, which is
       fine at the few hundred token patterns real files have. */

    private final MatchOptions options;
    private final PatternTable table;
    private final PhraseEngine phrases;
    private final TokenEngine tokens;
    private final int[] labelRank;
    private final ScratchPool scratch = new ScratchPool();

    Matcher(MatchOptions options, PatternTable table, PhraseEngine phrases, TokenEngine tokens) {
        this.options = options;
        this.table = table;
        this.phrases = phrases;
        this.tokens = tokens;
        this.labelRank = labelRanks(table, options.labelPriority());
    }

    /**
     * Compiles patterns. Phrase patterns are tokenized with {@code options.tokenizer()} and compared on their own
     * {@link PhrasePattern#attr()}, else on {@code options.phraseAttr()}.
     *
     * @throws NullPointerException if a pattern or the options are null
     */
    public static Matcher compile(List<? extends Pattern> patterns, MatchOptions options) {
        Objects.requireNonNull(options, "options");
        PatternTable.Builder table = new PatternTable.Builder(patterns.size(), totalLength(patterns, Pattern::id),
                totalLength(patterns, p -> p instanceof PhrasePattern phrase ? phrase.phrase() : null));
        PhraseEngineBuilder phrases = new PhraseEngineBuilder(options.tokenizer());
        List<TokenProgram> programs = new ArrayList<>();
        int index = 0;
        for (Pattern pattern : patterns) {
            switch (Objects.requireNonNull(pattern, "pattern")) {
                case PhrasePattern phrase -> {
                    Attr attr = phrase.attr() != null ? phrase.attr() : options.phraseAttr();
                    table.addPhrase(phrase, attr);
                    phrases.add(phrase.phrase(), attr, index);
                }
                case TokenPattern token -> {
                    table.addToken(token);
                    programs.add(new TokenProgram(index, token));
                }
            }
            index++;
        }
        return new Matcher(options, table.build(), phrases.build(), new TokenEngine(programs));
    }

    /** The chars of all the patterns' strings (ids, phrases), capped at {@code Integer.MAX_VALUE}. */
    private static int totalLength(List<? extends Pattern> patterns, Function<Pattern, String> field) {
        long total = 0;
        for (Pattern pattern : patterns) {
            String value = pattern == null ? null : field.apply(pattern);
            total += value == null ? 0 : value.length();
        }
        return (int) Math.min(total, Integer.MAX_VALUE - 16);
    }

    /** Matches with {@code options().overlap()}; sorted by start token, longer first, then pattern index. */
    public List<Match> match(Doc doc) {
        return match(doc, options.overlap());
    }

    /** Matches with the given overlap policy; sorted by start token, longer first, then pattern index. */
    public List<Match> match(Doc doc, Overlap overlap) {
        Objects.requireNonNull(overlap, "overlap");
        RawMatches raw = new RawMatches(doc.size());
        forEachMatch(doc, raw);
        raw.select(overlap, p -> labelRank[table.labelIds[p]]);
        List<Match> matches = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            matches.add(toMatch(doc, raw.pattern(i), raw.start(i), raw.end(i)));
        }
        return matches;
    }

    /**
     * Reports every match (policy {@link Overlap#ALL}) to {@code sink}, in no particular order, each distinct
     * (pattern, tokenStart, tokenEnd) once. For phrase patterns nothing is allocated per token or per match (once the
     * thread's buffers have grown to the doc's size), except for the rare token whose lower case depends on context
     * (Greek capital sigma, dotted capital I). The sink runs on the calling thread.
     */
    public void forEachMatch(Doc doc, MatchSink sink) {
        Objects.requireNonNull(sink, "sink");
        PhraseEngine.Scratch buffers = scratch.acquire();
        try {
            phrases.forEachMatch(doc, buffers, sink);
        } finally {
            scratch.release(buffers);
        }
        tokens.forEachMatch(doc, options.tokenizer().language(), sink);
    }

    /**
     * Reports every match in {@code text}, tokenized with {@code options().tokenizer()}, as
     * {@link #forEachMatch(Doc, MatchSink)} does for {@code options().tokenizer().tokenize(text)}: the same matches
     * with the same token indices. When the matcher has no token patterns the text is never turned into a
     * {@link Doc}: each token is looked up as the tokenizer makes it, and nothing is allocated per token or per match
     * once the thread's buffers have grown (the exceptions of {@link #forEachMatch(Doc, MatchSink)} aside).
     */
    public void forEachMatch(String text, MatchSink sink) {
        Objects.requireNonNull(sink, "sink");
        if (!tokens.isEmpty()) {
            forEachMatch(options.tokenizer().tokenize(text), sink);
            return;
        }
        PhraseEngine.Scratch buffers = scratch.acquire();
        try {
            phrases.forEachMatch(text, options.tokenizer(), buffers, sink);
        } finally {
            scratch.release(buffers);
        }
    }

    /**
     * Which pattern element matched which token of {@code match}.
     *
     * @throws IllegalArgumentException if the match's pattern does not match exactly those tokens of {@code doc}
     */
    public Explanation explain(Doc doc, Match match) {
        int p = match.patternIndex();
        if (p >= size() || match.tokenEnd() > doc.size()) {
            throw new IllegalArgumentException("match " + match + " is not from this matcher and doc");
        }
        List<Explanation.Step> steps = table.isPhrase(p)
                ? phraseSteps(doc, match) : tokenSteps(doc, match);
        return new Explanation(match, steps);
    }

    private List<Explanation.Step> phraseSteps(Doc doc, Match match) {
        int p = match.patternIndex();
        String phrase = table.phrase(p);
        PhraseSplitter splitter = new PhraseSplitter(options.tokenizer());
        int count = splitter.split(phrase);
        Attr attr = table.phraseAttr(p);
        List<Explanation.Step> steps = new ArrayList<>();
        for (int i = 0; i < count && count == match.length(); i++) {
            String token = phrase.substring(splitter.starts[i], splitter.ends[i]);
            String docToken = doc.tokenText(match.tokenStart() + i);
            if (TermKeys.keyOf(attr, token).equals(TermKeys.keyOf(attr, docToken))) {
                steps.add(new Explanation.Step(match.tokenStart() + i, docToken, i,
                        "phrase token " + i + " " + Explainer.quote(token) + " on " + attr));
            }
        }
        if (steps.size() != match.length()) {
            throw doesNotMatch(match);
        }
        return steps;
    }

    private static IllegalArgumentException doesNotMatch(Match match) {
        return new IllegalArgumentException("pattern " + match.patternIndex() + " does not match tokens "
                + match.tokenStart() + ".." + match.tokenEnd());
    }

    private List<Explanation.Step> tokenSteps(Doc doc, Match match) {
        TokenProgram program = new TokenProgram(match.patternIndex(), table.tokenPattern(match.patternIndex()));
        int[] specs = new Explainer(program, doc, options.tokenizer().language(), match.tokenStart(),
                match.tokenEnd()).align();
        if (specs == null) {
            throw doesNotMatch(match);
        }
        List<Explanation.Step> steps = new ArrayList<>();
        for (int i = 0; i < specs.length; i++) {
            int token = match.tokenStart() + i;
            steps.add(new Explanation.Step(token, doc.tokenText(token), specs[i],
                    "spec " + specs[i] + " " + Explainer.describe(program.spec(specs[i]))));
        }
        return steps;
    }

    /** The pattern at {@code patternIndex}, rebuilt from the compiled form: equal to the one compiled. */
    public Pattern pattern(int patternIndex) {
        return table.pattern(checkIndex(patternIndex));
    }

    public String label(int patternIndex) {
        return table.label(checkIndex(patternIndex));
    }

    /** The pattern's id, or null. */
    public String id(int patternIndex) {
        return table.id(checkIndex(patternIndex));
    }

    public PatternSource source(int patternIndex) {
        return table.source(checkIndex(patternIndex));
    }

    /** The number of patterns. */
    public int size() {
        return table.size();
    }

    public MatchOptions options() {
        return options;
    }

    /** An estimate of the heap the compiled patterns hold, in bytes. */
    public long ramBytesUsed() {
        return phrases.ramBytes() + table.ramBytes();
    }

    /** A {@link Match} for a (pattern, tokenStart, tokenEnd) reported by {@link #forEachMatch}. */
    public Match toMatch(Doc doc, int patternIndex, int tokenStart, int tokenEnd) {
        return new Match(doc.start(tokenStart), doc.end(tokenEnd - 1), tokenStart, tokenEnd,
                table.label(patternIndex), table.id(patternIndex), table.source(patternIndex), patternIndex);
    }

    /**
     * Writes the compiled matcher, for {@link #open}.
     *
     * @throws IOException if the file cannot be written
     */
    public void save(Path file) throws IOException {
        MatcherFile.write(this, file);
    }

    /**
     * Reads a matcher written by {@link #save}.
     *
     * @throws IOException if the file cannot be read or is not a matcher file of this version
     */
    public static Matcher open(Path file) throws IOException {
        return MatcherFile.read(file);
    }

    PatternTable table() {
        return table;
    }

    PhraseEngine phrases() {
        return phrases;
    }

    TokenEngine tokens() {
        return tokens;
    }

    private int checkIndex(int patternIndex) {
        return Objects.checkIndex(patternIndex, size());
    }

    private static int[] labelRanks(PatternTable table, List<String> priority) {
        Map<String, Integer> rank = new HashMap<>();
        for (int i = priority.size() - 1; i >= 0; i--) {
            rank.put(priority.get(i), i);
        }
        int[] ranks = new int[table.labels.length];
        for (int l = 0; l < ranks.length; l++) {
            ranks[l] = rank.getOrDefault(table.labels[l], priority.size());
        }
        return ranks;
    }
}
