package dev.quarry.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComplementNaiveBayesTest {

    private static FeatureVector vector(String name, float value) {
        return new FeatureVector(new String[] {name}, new float[] {value});
    }

    /**
     * Texts "x" (A) and "y" (B), alpha 1, two features: p(x | not A) = (0 + 1) / (1 + 2) = 1/3 and p(y | not A) =
     * 2/3, so a text "x" scores ln 3 for A and ln 3/2 for B, and P(A) = 1 / (1 + e^(ln(3/2) - ln 3)) = 2/3.
     */
    @Test
    void complementWeightsGiveTheHandComputedProbability() {
        ComplementNaiveBayes cnb = ComplementNaiveBayes.train(List.of("A", "B"),
                List.of(vector("x", 1), vector("y", 1)), 0, 1.0);
        assertEquals(List.of("A", "B"), cnb.outcomes());
        assertEquals(2.0 / 3, cnb.probabilities(vector("x", 1))[0], 1e-6);
        assertEquals(1.0 / 3, cnb.probabilities(vector("y", 1))[0], 1e-6);
        assertEquals(0.5, cnb.probabilities(vector("unseen", 1))[0], 1e-12);
    }

    @Test
    void aLongTextDoesNotSaturateTheProbabilities() {
        ComplementNaiveBayes cnb = ComplementNaiveBayes.train(List.of("A", "B"),
                List.of(vector("x", 1), vector("y", 1)), 0, 1.0);
        assertEquals(2.0 / 3, cnb.probabilities(vector("x", 5000))[0], 1e-6);
    }

    @Test
    void writtenAndReadBackItScoresTheSame() throws IOException {
        ComplementNaiveBayes cnb = ComplementNaiveBayes.train(List.of("A", "B", "A"),
                List.of(vector("x", 1), vector("y", 2), vector("z", 1)), 0, 0.5);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        cnb.write(new DataOutputStream(bytes));
        TextcatScorer read = TextcatScorer.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        FeatureVector text = new FeatureVector(new String[] {"x", "y", "q"}, new float[] {1, 3, 2});
        assertArrayEquals(cnb.probabilities(text), read.probabilities(text));
    }
}
