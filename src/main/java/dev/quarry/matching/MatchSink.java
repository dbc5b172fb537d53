package dev.quarry.matching;

/**
 * Receives matches from {@link Matcher#forEachMatch}, one call per match, without a {@link Match} object.
 * Token indices: {@code tokenStart} inclusive, {@code tokenEnd} exclusive.
 */
@FunctionalInterface
public interface MatchSink {

    void accept(int patternIndex, int tokenStart, int tokenEnd);
}
