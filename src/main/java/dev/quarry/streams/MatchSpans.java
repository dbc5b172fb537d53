package dev.quarry.streams;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.matching.Match;
import dev.quarry.matching.Matcher;
import dev.quarry.text.Doc;
import dev.quarry.text.Offsets;
import java.util.List;

/**
 * Pattern matches as Prodigy-style {@code "spans"}: {@code start}/{@code end} in Unicode code points (end
 * exclusive), {@code token_start}/{@code token_end} token indices with {@code token_end} inclusive as in Prodigy,
 * {@code label}, Quarry's {@code pattern_id} (when the pattern has an id) and {@code source} (pattern file:line).
 * The one place this conversion is written; {@code quarry match} and {@code quarry stream} both use it.
 */
public final class MatchSpans {

    private MatchSpans() {
    }

    /** Sets {@code task.spans} to the matches (UTF-16 offsets of {@code offsets}' text) in the order given. */
    public static ArrayNode put(ObjectNode task, List<Match> matches, Offsets offsets) {
        ArrayNode spans = task.putArray("spans");
        for (Match match : matches) {
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
        }
        return spans;
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
