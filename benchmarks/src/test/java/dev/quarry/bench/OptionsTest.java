package dev.quarry.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void sizesAcceptKAndMSuffixesInAnyCase() {
        assertEquals(List.of(1_000, 100_000, 1_000_000, 250), Options.parseSizes("1k,100K, 1M,250"));
    }

    @Test
    void sizeAboveTheGeneratedPatternCountIsRejectedWithTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Options.parseSizes("2M"));
        assertEquals("--sizes must be between 1 and 1M, got \"2M\"", e.getMessage());
    }

    @Test
    void peersKeepTheReportOrderWhateverOrderTheyAreGivenIn() {
        Options options = Options.parse(List.of("--peers", "aho,quarry,lucene-tokenizer"));
        assertEquals(List.of("lucene-tokenizer", "quarry", "aho"), options.peers());
    }

    @Test
    void unknownPeerNamesTheValueAndTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Options.parse(List.of("--peers", "quary")));
        assertEquals("--peers: unknown peer \"quary\", expected " + Peers.ALL, e.getMessage());
    }

    @Test
    void unknownOptionIsAnErrorNotIgnored() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Options.parse(List.of("--round", "3")));
        assertEquals("unknown option --round\n" + Options.USAGE, e.getMessage());
    }

    @Test
    void unknownOptionWithoutAValueIsReportedAsUnknown() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Options.parse(List.of("--bogus")));
        assertEquals("unknown option --bogus\n" + Options.USAGE, e.getMessage());
    }

    @Test
    void knownOptionWithoutAValueSaysSo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Options.parse(List.of("--sizes")));
        assertEquals("--sizes needs a value\n" + Options.USAGE, e.getMessage());
    }

    @Test
    void trialArgumentsRoundTripTheTimingSettings() {
        Options options = Options.parse(List.of("--rounds", "5", "--round-seconds", "0.5", "--text-mb", "4"));
        Options again = Options.parse(options.toArgs());
        assertEquals(options.settings(), again.settings());
        assertEquals(4, again.textMegabytes());
    }

    @Test
    void corporaDefaultToNewsgroupsAndConllAndReachTheTrials() {
        assertEquals(List.of("20ng", "conll"), Options.parse(List.of()).corpora());
        Options accented = Options.parse(List.of("--corpora", "20ng-accented"));
        assertEquals(List.of("20ng-accented"), Options.parse(accented.toArgs()).corpora());
    }

    @Test
    void unknownCorpusNamesTheValueAndTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Options.parse(List.of("--corpora", "20ng,wiki")));
        assertEquals("--corpora: unknown corpus \"wiki\", expected [20ng, conll, 20ng-accented]", e.getMessage());
    }
}
