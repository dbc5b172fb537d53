package dev.quarry.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.training.LearningCurve;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code quarry train-curve}: does more annotation still help? */
@Command(name = "train-curve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains the requested components on growing, nested, seeded parts of the training data "
                + "(25, 50, 75 and 100%% by default) and scores each on the same evaluation data, so you see whether "
                + "more annotation still helps. Takes the data, evaluation and feature options of train; with "
                + "--ner-vote N every point trains all N members of the vote.",
            "Prints a table per component with each step's change, and writes curve.json and curve.svg (a chart, "
                    + "one panel per component) into --output."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:failure (I/O)", "2:bad usage, a missing dataset or unusable annotations"})
final class TrainCurveCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;
    @Mixin
    TrainOptions options;

    @Option(names = "--fractions", split = ",", defaultValue = "25,50,75,100", paramLabel = "PERCENT",
            description = "Growing percentages of the training data, each in 1..100 (default: ${DEFAULT-VALUE}).")
    List<Integer> percentages;
    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
            description = "Directory for curve.json and curve.svg (created if needed).")
    Path output;

    @Override
    public Integer call() throws IOException {
        List<Double> fractions = fractions();
        if (options.nerDatasets.isEmpty() && options.textcatDatasets.isEmpty()) {
            throw new UserException(ExitCodes.USAGE, "nothing to train: give --ner or --textcat");
        }
        if (options.evalDataset == null && options.evalSplit == null) {
            throw new UserException(ExitCodes.USAGE, "a curve needs evaluation data: give --eval or --eval-split");
        }
        if (Files.exists(output) && !Files.isDirectory(output)) {
            throw UserException.invalidInput(output + ": exists and is not a directory");
        }
        PrintWriter err = spec.commandLine().getErr();
        TrainRun run = new TrainRun(err, Boolean.getBoolean("quarry.stderr.tty"), options.seed);
        Map<String, TrainCurve.Curve> curves = new TrainCurve(run, options.request(err), fractions, options.seed).run();
        write(curves, fractions);
        return ExitCodes.OK;
    }

    private List<Double> fractions() {
        int last = 0;
        List<Double> fractions = new ArrayList<>();
        for (int p : percentages) {
            if (p <= last || p > 100) {
                throw new UserException(ExitCodes.USAGE, "--fractions must be increasing percentages in 1..100, got "
                        + percentages);
            }
            last = p;
            fractions.add(p / 100.0);
        }
        return fractions;
    }

    private void write(Map<String, TrainCurve.Curve> curves, List<Double> fractions) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("seed", options.seed)
                .put("ner_vote", options.nerVote);
        fractions.forEach(json.putArray("fractions")::add);
        List<String> panels = new ArrayList<>();
        Map<String, ObjectNode> byComponent = new LinkedHashMap<>();
        curves.forEach((component, curve) -> {
            out.println(curve.title() + ":\n" + curve.result().table() + "\n");
            byComponent.put(component, curve.result().toJson());
            panels.add(curve.result().svg(curve.title(), curve.charted()));
        });
        byComponent.forEach(json::set);
        Files.createDirectories(output);
        Files.writeString(output.resolve("curve.json"), new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(json) + "\n", StandardCharsets.UTF_8);
        Files.writeString(output.resolve("curve.svg"), LearningCurve.stack(panels), StandardCharsets.UTF_8);
        out.println("wrote " + output.resolve("curve.json") + " and " + output.resolve("curve.svg"));
    }
}
