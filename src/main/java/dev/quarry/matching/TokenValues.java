package dev.quarry.matching;

import dev.quarry.patterns.Attr;
import dev.quarry.text.Doc;
import dev.quarry.text.Language;
import dev.quarry.text.TokenAttributes;

/**
 * The attribute values of a doc's tokens as token patterns test them ({@code String}, {@code Integer} or
 * {@code Boolean}), computed on first use and kept for the doc. Not thread-safe: one per match call.
 */
final class TokenValues {

    private final Doc doc;
    private final Language language;
    private final Object[][] values = new Object[Attr.values().length][];

    TokenValues(Doc doc, Language language) {
        this.doc = doc;
        this.language = language;
    }

    Object get(Attr attr, int token) {
        Object[] column = values[attr.ordinal()];
        if (column == null) {
            column = new Object[doc.size()];
            values[attr.ordinal()] = column;
        }
        Object value = column[token];
        if (value == null) {
            value = compute(attr, token);
            column[token] = value;
        }
        return value;
    }

    String orth(int token) {
        return (String) get(Attr.ORTH, token);
    }

    private Object compute(Attr attr, int token) {
        return switch (attr) {
            case ORTH -> doc.tokenText(token);
            case LOWER -> doc.lower(token);
            case NORM -> doc.norm(token);
            case SHAPE -> TokenAttributes.shape(orth(token));
            case LENGTH -> TokenAttributes.length(orth(token));
            case IS_ALPHA -> TokenAttributes.isAlpha(orth(token));
            case IS_ASCII -> TokenAttributes.isAscii(orth(token));
            case IS_DIGIT -> TokenAttributes.isDigit(orth(token));
            case IS_LOWER -> TokenAttributes.isLower(orth(token));
            case IS_UPPER -> TokenAttributes.isUpper(orth(token));
            case IS_TITLE -> TokenAttributes.isTitle(orth(token));
            case IS_PUNCT -> TokenAttributes.isPunct(orth(token));
            case IS_SPACE -> TokenAttributes.isSpace(orth(token));
            case IS_STOP -> language.isStopWord(doc.lower(token));
            case LIKE_NUM -> TokenAttributes.likeNum(orth(token), language);
            case LIKE_URL -> TokenAttributes.likeUrl(orth(token));
            case LIKE_EMAIL -> TokenAttributes.likeEmail(orth(token));
        };
    }
}
