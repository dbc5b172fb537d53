package dev.quarry.patterns;

/**
 * Translates the named-group syntax of Python's {@code re} (spaCy's {@code REGEX}) to Java's and back:
 * {@code (?P<name>...)} is {@code (?<name>...)} and {@code (?P=name)} is {@code \k<name>}. Escapes and character
 * classes are left alone. Other differences between the two dialects are not translated.
 */
final class PythonRegex {

    private PythonRegex() {
    }

    /** Python syntax to Java syntax. */
    static String toJava(String python) {
        StringBuilder out = new StringBuilder(python.length());
        Scanner s = new Scanner(python);
        while (s.more()) {
            if (s.atGroupSyntax("(?P<")) {
                out.append("(?<");
                s.skip(4);
            } else if (s.atGroupSyntax("(?P=") && python.indexOf(')', s.at) > 0) {
                int close = python.indexOf(')', s.at);
                out.append("\\k<").append(python, s.at + 4, close).append('>');
                s.skip(close + 1 - s.at);
            } else {
                s.copy(out);
            }
        }
        return out.toString();
    }

    /** Java syntax to Python syntax; {@code toJava(toPython(x))} is {@code x}. */
    static String toPython(String java) {
        StringBuilder out = new StringBuilder(java.length());
        Scanner s = new Scanner(java);
        while (s.more()) {
            if (s.atGroupSyntax("(?<") && s.at + 3 < java.length() && Character.isLetter(java.charAt(s.at + 3))) {
                out.append("(?P<");
                s.skip(3);
            } else if (!s.inClass && java.startsWith("\\k<", s.at) && java.indexOf('>', s.at) > 0) {
                int close = java.indexOf('>', s.at);
                out.append("(?P=").append(java, s.at + 3, close).append(')');
                s.skip(close + 1 - s.at);
            } else {
                s.copy(out);
            }
        }
        return out.toString();
    }

    /** Walks a regex keeping track of escapes and character classes. */
    private static final class Scanner {
        private final String text;
        private int at;
        private boolean inClass;

        Scanner(String text) {
            this.text = text;
        }

        boolean more() {
            return at < text.length();
        }

        boolean atGroupSyntax(String syntax) {
            return !inClass && text.startsWith(syntax, at);
        }

        void skip(int chars) {
            at += chars;
        }

        /** Copies one character, or an escape pair, updating the character-class state. */
        void copy(StringBuilder out) {
            char c = text.charAt(at);
            if (c == '\\' && at + 1 < text.length()) {
                out.append(c).append(text.charAt(at + 1));
                at += 2;
                return;
            }
            if (c == '[' && !inClass) {
                inClass = true;
                out.append(c);
                at++;
                copyClassStart(out);
                return;
            }
            if (c == ']' && inClass) {
                inClass = false;
            }
            out.append(c);
            at++;
        }

        /** A {@code ]} right after {@code [} or {@code [^} is a literal, not the end of the class. */
        private void copyClassStart(StringBuilder out) {
            if (at < text.length() && text.charAt(at) == '^') {
                out.append('^');
                at++;
            }
            if (at < text.length() && text.charAt(at) == ']') {
                out.append(']');
                at++;
            }
        }
    }
}
