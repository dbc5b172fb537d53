package dev.quarry.streams;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.matching.Match;
import dev.quarry.matching.Matcher;
import dev.quarry.text.Doc;
import dev.quarry.text.Offsets;
import java.util.List;

/**
 * Pattern matches as Prodigy-style {@code "spans"}: the one place this conversion is written, shared by
 * {@code quarry match}, {@code quarry stream} and the HTTP service, so all write the very same JSON.
 *
 * <p>Each span has {@code start} and {@code end} in Unicode code points (end exclusive; converted from the match's
 * UTF-16 indices by the text's {@link Offsets}), {@code token_start} and {@code token_end} both inclusive (as in
 * Prodigy), {@code label}, {@code pattern_id} when the pattern has an id, and {@code source} ({@code file:line} of the
 * pattern). Stateless and thread-safe.
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

    /** Sets {@code task.spans} to the matches (UTF-16 offsets of {@code offsets}' text) in the order given. */
    public static ArrayNode put(ObjectNode task, List<Match> matches, Offsets offsets) {
        return addAll(task.putArray("spans"), matches, offsets);
    }

    /**
     * The task with its {@code "spans"} replaced by the matcher's matches on its text (tokenized with the matcher's
     * tokenizer), and without a {@code _task_hash}, which the new spans make stale.
     */
    public static Task annotate(Task task, Matcher matcher) {
        String text = task.text();
        Doc doc = matcher.options().tokenizer().tokenize(text);
        ObjectNode json = task.json();
        put(json, matcher.match(doc), Offsets.of(text));
        json.remove("_task_hash");
        return Task.owning(json);
    }
}
