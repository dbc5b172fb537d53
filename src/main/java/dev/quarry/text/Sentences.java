package dev.quarry.text;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a {@link Doc} into sentences with the JDK's sentence {@link BreakIterator} for the doc's language, snapped to
 * token boundaries so that no token is cut. Rule-based: good on edited prose, weaker on abbreviations ("Dr. Smith").
 */
public final class Sentences {

    private Sentences() {
    }

    /**
     * The sentences of {@code doc}, as spans labelled {@code SENT} covering every token once, in order.
     *
     * @param language picks the break rules' locale
     */
    public static List<Span> split(Doc doc, Language language) {
        List<Span> out = new ArrayList<>();
        if (doc.size() == 0) {
            return out;
        }
        BreakIterator breaks = BreakIterator.getSentenceInstance(Locale.forLanguageTag(language.code()));
        breaks.setText(doc.text());
        int first = 0;
        for (int boundary = breaks.next(); boundary != BreakIterator.DONE && first < doc.size();
                boundary = breaks.next()) {
            int end = doc.tokenAtOrAfter(boundary);
            if (end < doc.size() && doc.start(end) < boundary) {
                end++;
            }
            if (end > first) {
                out.add(Span.of(doc, first, end, "SENT"));
                first = end;
            }
        }
        if (first < doc.size()) {
            out.add(Span.of(doc, first, doc.size(), "SENT"));
        }
        return out;
    }
}
