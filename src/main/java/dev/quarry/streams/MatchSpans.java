package dev.quarry.streams;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.matching.Match;
import dev.quarry.text.Offsets;
import java.util.List;

/**
 * Pattern matches as entries of a task's {@code "spans"}: the one conversion shared by {@code quarry match} and the
 * HTTP service, so both write the very same JSON.
 *
 * <p>Each span has {@code start} and {@code end} in Unicode code points (converted from the match's UTF-16 indices by
 * the text's {@link Offsets}), {@code token_start} and {@code token_end} both inclusive (as in Prodigy), {@code label},
 * {@code pattern_id} when the pattern has an id, and {@code source} ({@code file:line} of the pattern). Stateless and
 * thread-safe.
 */
public final class MatchSpans {

    private MatchSpans() {
    }

    /** Appends one span per match to {@code spans}, in the matches' order; returns {@code spans}. */
    public static ArrayNode addAll(ArrayNode spans, List<Match> matches, Offsets offsets) {
        for (Match match : matches) {
            add(spans, match, offsets);
        }
        return spans;
    }

    /** Appends the span of one match to {@code spans}; returns the new span. */
    public static ObjectNode add(ArrayNode spans, Match match, Offsets offsets) {
        ObjectNode span = spans.addObject();
        span.put("start", offsets.toCodePoint(match.start()));
        span.put("end", offsets.toCodePoint(match.end()));
        span.put("token_start", match.tokenStart());
        span.put("token_end", match.tokenEnd() - 1);
        span.put("label", match.label());
        if (match.patternId() != null) {
            span.put("pattern_id", match.patternId());
        }
        span.put("source", match.source().toString());
        return span;
    }
}
