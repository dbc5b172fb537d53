package dev.quarry.patterns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PythonRegexTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "(?P<year>\\d{4})-(?P=year)|(?<year>\\d{4})-\\k<year>",
        "^[A-Z]+$|^[A-Z]+$",
        "(?<=a)b(?<!c)|(?<=a)b(?<!c)",
        "[(?P<x>]|[(?P<x>]",
        "[]?P<]|[]?P<]",
        "[^]](?P<n>x)|[^]](?<n>x)",
        "\\(?P<n>x|\\(?P<n>x",
        "(?i)apple|(?i)apple"})
    void namedGroupsTranslateOutsideEscapesAndClasses(String python, String java) {
        assertEquals(java, PythonRegex.toJava(python));
        assertEquals(python, PythonRegex.toPython(java));
    }
}
