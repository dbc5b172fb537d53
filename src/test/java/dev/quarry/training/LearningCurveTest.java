package dev.quarry.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class LearningCurveTest {

    private static final List<Integer> TRAIN = IntStream.range(0, 40).boxed().toList();

    @Test
    void subsetsAreNestedAndRepeatForTheSameSeed() {
        List<Integer> previous = List.of();
        for (double fraction : LearningCurve.QUARTERS) {
            List<Integer> subset = LearningCurve.subset(TRAIN, fraction, 7);
            assertEquals((int) Math.ceil(40 * fraction), subset.size());
            assertEquals(previous, subset.subList(0, previous.size()));
            assertEquals(subset, LearningCurve.subset(TRAIN, fraction, 7));
            previous = subset;
        }
        assertEquals(List.copyOf(new java.util.TreeSet<>(previous)), TRAIN);
        assertNotEquals(LearningCurve.subset(TRAIN, 0.25, 7), LearningCurve.subset(TRAIN, 0.25, 8));
        assertEquals(1, LearningCurve.subset(TRAIN, 0.001, 7).size());
    }

    @Test
    void eachPointHasTheExperimentsMetricsAndTheDeltaToThePrevious() {
        List<List<Integer>> seen = new ArrayList<>();
        LearningCurve.Result curve = LearningCurve.run(TRAIN, List.of(1, 2, 3), (train, eval) -> {
            seen.add(train);
            return Map.of("size", (double) train.size() / 40);
        }, LearningCurve.QUARTERS, 7);
        assertEquals(List.of(10, 20, 30, 40), curve.points().stream().map(LearningCurve.Point::trainSize).toList());
        assertEquals(0.5, curve.points().get(1).metrics().get("size"), 1e-12);
        assertTrue(curve.points().get(0).delta().isEmpty());
        assertEquals(0.25, curve.points().get(3).delta().get("size"), 1e-12);
        assertEquals(LearningCurve.subset(TRAIN, 0.75, 7), seen.get(2));
        assertEquals(3, curve.evalSize());
        String json = curve.toJson().toString();
        assertTrue(json.startsWith("{\"seed\":7,\"eval_size\":3,\"points\":[{\"fraction\":0.25,\"train_size\":10,"
                + "\"metrics\":{\"size\":0.25},\"delta\":null}"), json);
        assertTrue(curve.table().contains("size 0.7500 (+0.2500)"), curve.table());
    }

    @Test
    void fractionsMustGrowWithinOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LearningCurve.run(TRAIN, TRAIN, (t, v) -> Map.of(), List.of(0.5, 0.25), 1));
        assertEquals("fractions must increase within (0, 1], got [0.5, 0.25]", e.getMessage());
    }

    @Test
    void svgIsWellFormedWithOnePointPerMetricAndFraction() throws Exception {
        LearningCurve.Result curve = LearningCurve.run(TRAIN, List.of(), (train, eval) -> {
            Map<String, Double> metrics = new LinkedHashMap<>();
            metrics.put("accuracy", 0.5 + train.size() / 100.0);
            metrics.put("macro F1 <&>", 0.4 + train.size() / 100.0);
            return metrics;
        }, LearningCurve.QUARTERS, 3);
        String svg = curve.svg("20 Newsgroups & friends", List.of("accuracy", "macro F1 <&>"));
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", doc.getDocumentElement().getTagName());
        assertEquals(8, doc.getElementsByTagName("circle").getLength());
        assertEquals(2, doc.getElementsByTagName("polyline").getLength());
        assertTrue(svg.contains(">0.900<"), svg);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> curve.svg("t", List.of("recall")));
        assertEquals("metric \"recall\" is missing at 10 training examples; the points have [accuracy, macro F1 <&>]",
                e.getMessage());
    }

    @Test
    void aTextcatCurveTrainsOnTheSubsets() {
        List<TextcatExample> train = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            train.add(new TextcatExample("goal match team " + i, "SPORT"));
            train.add(new TextcatExample("doctor dose clinic " + i, "MEDICINE"));
        }
        TextcatTrainer trainer = new TextcatTrainer(TextcatSettings.naiveBayesBagOfWords(), Map.of());
        LearningCurve.Result curve = LearningCurve.run(train, train.subList(0, 10),
                (t, eval) -> Map.of("accuracy", trainer.train(t).evaluate(eval).accuracy()), List.of(0.5, 1.0), 1);
        assertEquals(1.0, curve.points().get(1).metrics().get("accuracy"));
        assertEquals(0.0, curve.points().get(1).delta().get("accuracy"));
    }
}
