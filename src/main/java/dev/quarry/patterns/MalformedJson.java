package dev.quarry.patterns;

import java.util.regex.Matcher;

/** Short reasons for Jackson's parse errors, for "malformed JSON" problems. */
final class MalformedJson {

    private static final java.util.regex.Pattern UNEXPECTED =
            java.util.regex.Pattern.compile("Unexpected character \\('(.+?)' \\(code \\d+\\)\\):? (.*)",
                    java.util.regex.Pattern.DOTALL);
    private static final java.util.regex.Pattern TOKEN =
            java.util.regex.Pattern.compile("(?:Unrecognized|Non-standard) token '(.*?)'.*",
                    java.util.regex.Pattern.DOTALL);
    private static final java.util.regex.Pattern CLOSE =
            java.util.regex.Pattern.compile("Unexpected close marker '(.)'(?:: expected '(.)')?.*",
                    java.util.regex.Pattern.DOTALL);
    private static final int MAX_LENGTH = 160;

    private MalformedJson() {
    }

    /**
     * A short reason for Jackson's message (its "original message", without the location).
     *
     * @param afterObject whether the line's object had been read completely before the error
     */
    static String reason(String jackson, boolean afterObject) {
        if (jackson == null) {
            return "not valid JSON";
        }
        if (jackson.contains("comment?")) {
            return "comments are not allowed; pattern files are plain JSON";
        }
        if (afterObject) {
            return "a line must hold one JSON object, but there is more after it";
        }
        if (jackson.startsWith("Unexpected end-of-input")) {
            return "the line ends inside the JSON object; a pattern must be one JSON object on one line";
        }
        Matcher m = UNEXPECTED.matcher(jackson);
        if (m.matches()) {
            return "unexpected character '" + m.group(1) + "', expected " + expected(m.group(2));
        }
        m = TOKEN.matcher(jackson);
        if (m.matches()) {
            return "unrecognized token '" + m.group(1) + "', expected a string, number, object, array, true, false"
                    + " or null";
        }
        m = CLOSE.matcher(jackson);
        if (m.matches()) {
            return "unexpected '" + m.group(1) + "'" + (m.group(2) == null ? "" : ", expected '" + m.group(2) + "'");
        }
        if (jackson.startsWith("Illegal unquoted character")) {
            return "a control character (such as a tab) inside a string must be escaped";
        }
        return firstSentence(jackson);
    }

    private static String expected(String rest) {
        if (rest.contains("double-quote to start field name")) {
            return "a key in double quotes";
        }
        if (rest.contains("colon")) {
            return "':' after the key";
        }
        if (rest.contains("Object entries")) {
            return "',' or '}'";
        }
        if (rest.contains("Array entries")) {
            return "',' or ']'";
        }
        return "a string, number, object, array, true, false or null";
    }

    private static String firstSentence(String text) {
        String line = text.split("\n", 2)[0];
        String first = line.isEmpty() ? line : Character.toLowerCase(line.charAt(0)) + line.substring(1);
        return first.length() <= MAX_LENGTH ? first : first.substring(0, MAX_LENGTH) + "...";
    }
}
