package dev.quarry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quarry.training.LearningCurve;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** {@code quarry train-curve}: both components, nested seeded subsets, the JSON, the chart and bad options. */
class TrainCurveCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private String db;

    @BeforeEach
    void datasets() {
        db = dir.resolve("q.db").toString();
        TinyDatasets.importNewsAndTopics(db);
    }

    @Test
    void writesTheCurveOfEachComponentAsJsonAndOneChart() throws Exception {
        Path out = dir.resolve("curve");
        CliRun run = CliRun.of("train-curve", "--db", db, "--ner", "news", "--textcat", "topics", "--eval-split",
                "0.25", "--seed", "5", "--iterations", "10", "-o", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("NER on 9 evaluation sentences:\n 25.0%        7  ner_f1 "), run.out());
        assertTrue(run.out().contains("Text classification (exclusive) on 18 evaluation texts:\n"), run.out());
        assertTrue(run.out().endsWith("wrote " + out.resolve("curve.json") + " and " + out.resolve("curve.svg")
                + "\n"), run.out());

        JsonNode curve = JSON.readTree(out.resolve("curve.json").toFile());
        assertEquals("[0.25,0.5,0.75,1.0]", curve.get("fractions").toString());
        assertEquals(List.of(7, 14, 21, 27), sizes(curve.at("/ner/points")));
        assertEquals(List.of(14, 27, 41, 54), sizes(curve.at("/textcat/points")));
        assertEquals(18, curve.at("/textcat/eval_size").intValue());
        JsonNode last = curve.at("/ner/points/3");
        assertEquals(last.at("/metrics/ner_f1").doubleValue() - curve.at("/ner/points/2/metrics/ner_f1")
                .doubleValue(), last.at("/delta/ner_f1").doubleValue(), 1e-12);
        assertTrue(curve.at("/textcat/points/0/delta").isNull());

        Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(out.resolve("curve.svg").toFile());
        assertEquals(4 + 2 * 4, svg.getElementsByTagName("circle").getLength(), "ner_f1; accuracy and macro F1");
        assertEquals(3, svg.getElementsByTagName("svg").getLength(), "one panel per component in one chart");
    }

    @Test
    void aCurveWithAnNerVoteTrainsEveryMemberAtEachPoint() throws IOException {
        TrainCurveCommand command = new TrainCurveCommand();
        new picocli.CommandLine(command).parseArgs("--db", db, "--ner", "news", "--ner-vote", "3", "--eval-split",
                "0.25", "--seed", "5", "--iterations", "10", "--fractions", "50,100", "-o", dir.toString());
        StringWriter err = new StringWriter();
        TrainRun run = new TrainRun(new PrintWriter(err, true), true, 5);
        Map<String, TrainCurve.Curve> curves = new TrainCurve(run, command.options.request(new PrintWriter(err)),
                List.of(0.5, 1.0), 5).run();
        assertEquals("NER vote of 3 on 9 evaluation sentences", curves.get("ner").title());
        for (int member = 1; member <= 3; member++) {
            String line = "quarry: NER vote: member " + member + " of 3 (";
            assertEquals(2, err.toString().lines().filter(l -> l.startsWith(line)).count(), err.toString());
        }

        Path out = dir.resolve("curve");
        CliRun cli = CliRun.of("train-curve", "--db", db, "--ner", "news", "--ner-vote", "3", "--eval-split", "0.25",
                "--seed", "5", "--iterations", "10", "--fractions", "50,100", "-o", out.toString());
        assertEquals(0, cli.exitCode(), cli.err());
        assertTrue(cli.out().startsWith("NER vote of 3 on 9 evaluation sentences:\n"), cli.out());
        assertEquals(3, JSON.readTree(out.resolve("curve.json").toFile()).get("ner_vote").intValue());
    }

    /** The subsets are the seeded, nested prefixes LearningCurve makes: the curve's sizes are theirs. */
    private static List<Integer> sizes(JsonNode points) {
        List<Integer> sizes = new ArrayList<>();
        points.forEach(p -> sizes.add(p.get("train_size").intValue()));
        List<Integer> all = IntStream.range(0, sizes.getLast()).boxed().toList();
        List<Integer> previous = List.of();
        for (int i = 0; i < sizes.size(); i++) {
            List<Integer> subset = LearningCurve.subset(all, LearningCurve.QUARTERS.get(i), 5);
            assertEquals(sizes.get(i), subset.size());
            assertEquals(previous, subset.subList(0, previous.size()), "nested");
            previous = subset;
        }
        return sizes;
    }

    @Test
    void badFractionsOrNoEvaluationDataAreUsageErrors() throws IOException {
        String out = dir.resolve("curve").toString();
        CliRun fractions = CliRun.of("train-curve", "--db", db, "--textcat", "topics", "--eval-split", "0.2",
                "--fractions", "50,25", "-o", out);
        assertEquals(2, fractions.exitCode());
        assertEquals("quarry: --fractions must be increasing percentages in 1..100, got [50, 25]\n", fractions.err());
        CliRun noEval = CliRun.of("train-curve", "--db", db, "--textcat", "topics", "-o", out);
        assertEquals(2, noEval.exitCode());
        assertEquals("quarry: a curve needs evaluation data: give --eval or --eval-split\n", noEval.err());
        Path file = Files.writeString(dir.resolve("file"), "x");
        CliRun notDir = CliRun.of("train-curve", "--db", db, "--textcat", "topics", "--eval-split", "0.2", "-o",
                file.toString());
        assertEquals(2, notDir.exitCode());
        assertEquals("quarry: " + file + ": exists and is not a directory\n", notDir.err());
    }
}
