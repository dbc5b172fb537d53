package dev.quarry.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quarry.model.ModelException;
import dev.quarry.pipeline.Analysis;
import dev.quarry.pipeline.AnalysisJson;
import dev.quarry.pipeline.Pipeline;
import dev.quarry.pipeline.Sources;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code quarry predict}: match-then-predict over a stream of texts, as JSON Lines. */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs a model package over texts: pattern matches where patterns fire, NER entities where "
                + "they do not, and the text classifier's categories. Writes each text as a JSON line with "
                + "\"spans\" (each with \"origin\": pattern or model) and \"cats\".",
            "Inputs are JSON Lines with a \"text\" field (other fields are passed through) or plain text, one text "
                    + "per line; - reads standard input. Offsets count Unicode code points; token_end is inclusive."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:failure (I/O)", "2:bad usage, a bad model package or a bad input line"})
final class PredictCommand implements Callable<Integer> {

    private static final int BATCH = 256;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;
    @ParentCommand
    Main main;

    @Parameters(index = "0", paramLabel = "MODEL", description = "The model package: a directory or a zip file.")
    Path model;
    @Parameters(index = "1..*", arity = "1..*", paramLabel = "INPUT", description = "Input files; - for standard input.")
    List<String> inputs;
    @Option(names = "--only", defaultValue = "both", paramLabel = "patterns|model|both",
            description = "Which parts run (default: ${DEFAULT-VALUE}).")
    String only;
    @Mixin
    TextIoOptions io;

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public Integer call() throws IOException {
        Sources sources = MatchCommand.parse(Sources.class, only, "--only");
        Pipeline pipeline = load(model);
        PrintWriter err = spec.commandLine().getErr();
        try (Writer out = io.openOutput(); Progress progress = new Progress(err, "texts")) {
            predictAll(pipeline, sources, out, progress);
        }
        io.finish();
        return ExitCodes.OK;
    }

    /** Reads every input in batches; the texts read before a bad line are written before the error goes up. */
    private void predictAll(Pipeline pipeline, Sources sources, Writer out, Progress progress) throws IOException {
        InputRecords reader = io.records(json);
        List<InputRecords.Input> batch = new ArrayList<>(BATCH);
        try {
            for (String input : inputs) {
                reader.read(input, main.in, record -> {
                    batch.add(record);
                    if (batch.size() == BATCH) {
                        flush(pipeline, sources, batch, out, progress);
                    }
                });
            }
        } catch (UserException badLine) {
            flush(pipeline, sources, batch, out, progress);
            throw badLine;
        }
        flush(pipeline, sources, batch, out, progress);
    }

    /** Loads a model package, a bad one being a usage error naming the file. */
    static Pipeline load(Path model) throws IOException {
        try {
            return Pipeline.load(model);
        } catch (ModelException e) {
            throw UserException.invalidInput(e.getMessage());
        }
    }

    private void flush(Pipeline pipeline, Sources sources, List<InputRecords.Input> batch, Writer out,
                       Progress progress) throws IOException {
        List<Analysis> analyses = pipeline.runAll(batch.stream().map(InputRecords.Input::text).toList(), sources);
        long chars = 0;
        for (int i = 0; i < batch.size(); i++) {
            out.write(json.writeValueAsString(AnalysisJson.put(batch.get(i).task(), analyses.get(i))) + "\n");
            chars += batch.get(i).text().length();
        }
        progress.add(batch.size(), chars);
        batch.clear();
    }
}
