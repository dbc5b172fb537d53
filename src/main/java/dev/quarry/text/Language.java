package dev.quarry.text;

import java.util.Set;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;

/**
 * What a language changes in Quarry's text handling: English splits clitics off words as spaCy does
 * ({@code don't} is {@code do} + {@code n't}), and each language has its own stop words (Lucene's lists) and number
 * words (for {@code LIKE_NUM}).
 */
public enum Language {
    ENGLISH("en", EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, Set.of(
            "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
            "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
            "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "million",
            "billion", "trillion", "dozen")),
    SPANISH("es", SpanishAnalyzer.getDefaultStopSet(), Set.of(
            "cero", "uno", "una", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez",
            "once", "doce", "trece", "catorce", "quince", "veinte", "treinta", "cuarenta", "cincuenta", "sesenta",
            "setenta", "ochenta", "noventa", "cien", "ciento", "mil", "millón", "millones")),
    GERMAN("de", GermanAnalyzer.getDefaultStopSet(), Set.of(
            "null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf",
            "zwölf", "zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig", "neunzig",
            "hundert", "tausend", "million", "millionen", "milliarde"));

    private final String code;
    private final CharArraySet stopWords;
    private final Set<String> numberWords;

    Language(String code, CharArraySet stopWords, Set<String> numberWords) {
        this.code = code;
        this.stopWords = stopWords;
        this.numberWords = numberWords;
    }

    /** The ISO 639-1 code, {@code en}, {@code es}, {@code de}. */
    public String code() {
        return code;
    }

    /** The language for an ISO 639-1 code or an English name, case-insensitive. */
    public static Language of(String codeOrName) {
        for (Language language : values()) {
            if (language.code.equalsIgnoreCase(codeOrName) || language.name().equalsIgnoreCase(codeOrName)) {
                return language;
            }
        }
        throw new IllegalArgumentException("unknown language \"" + codeOrName + "\", expected one of en, es, de");
    }

    /** Whether the lower-cased word is one of the language's stop words. */
    public boolean isStopWord(CharSequence lowerCased) {
        return stopWords.contains(lowerCased);
    }

    boolean isNumberWord(String lowerCased) {
        return numberWords.contains(lowerCased);
    }
}
