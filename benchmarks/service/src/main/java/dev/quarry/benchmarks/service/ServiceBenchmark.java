package dev.quarry.benchmarks.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quarry.matching.Matcher;
import dev.quarry.model.ModelPackage;
import dev.quarry.model.TrainingData;
import dev.quarry.patterns.PatternFiles;
import dev.quarry.pipeline.AnalysisJson;
import dev.quarry.pipeline.Pipeline;
import dev.quarry.service.Service;
import dev.quarry.service.ServiceOptions;
import dev.quarry.text.Language;
import dev.quarry.text.Paragraph;
import dev.quarry.text.Paragraphs;
import dev.quarry.training.ConllReader;
import dev.quarry.training.IobScheme;
import dev.quarry.training.NerExample;
import dev.quarry.training.NerModel;
import dev.quarry.training.NerSettings;
import dev.quarry.training.NerTrainer;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The service benchmark, one mode per JVM so that the server and the load generator run in separate processes:
 * <ul>
 *   <li>{@code model CONLL_TRAIN OUT}: trains the NER on CoNLL-2003 train and saves a model package;</li>
 *   <li>{@code serve MODEL PATTERNS PORT_FILE}: serves the package with the pattern files on an ephemeral loopback
 *       port (written to PORT_FILE) until killed;</li>
 *   <li>{@code load URL CORPUS REQUESTS MAX_SECONDS}: posts one 20 Newsgroups paragraph per request to URL at 1, 8
 *       and 64 concurrent connections;</li>
 *   <li>{@code api MODEL PATTERNS CORPUS REQUESTS MAX_SECONDS}: the handler's work without HTTP
 *       ({@link Pipeline#analyze}, the answer as JSON bytes) at the same concurrency, in one JVM.</li>
 * </ul>
 */
public final class ServiceBenchmark {

    private static final int[] CONCURRENCY = {1, 8, 64};
    private static final int TEXTS = 2_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Perceptron 100/0 over OpenNLP's default features: a real CoNLL model, trained in minutes on 2 cores. */
    static final NerSettings SETTINGS = NerSettings.openNlpDefaults().withLearner("PERCEPTRON", 100, 0);

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "model" -> model(Path.of(args[1]), Path.of(args[2]));
            case "serve" -> serve(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]));
            case "load" -> load(URI.create(args[1]), Path.of(args[2]), Integer.parseInt(args[3]),
                    Double.parseDouble(args[4]));
            case "api" -> api(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]), Integer.parseInt(args[4]),
                    Double.parseDouble(args[5]));
            default -> throw new IllegalArgumentException("mode must be model, serve, load or api, got " + args[0]);
        }
    }

    private static void model(Path train, Path out) throws Exception {
        long started = System.nanoTime();
        List<NerExample> examples = ConllReader.read(train, IobScheme.IOB1);
        NerModel ner = new NerTrainer(SETTINGS, Map.of(), null).train(examples);
        ModelPackage.builder(Language.ENGLISH).ner(ner)
                .training(new TrainingData(List.of(train.getFileName().toString()), List.of(),
                        Map.of("ner_complete", (long) examples.size()), ""))
                .build().save(out);
        System.out.printf(Locale.ROOT, "model: %d sentences of %s, %s, trained and saved in %.0f s to %s%n",
                examples.size(), train, SETTINGS.encode(), (System.nanoTime() - started) / 1e9, out);
    }

    private static void serve(Path model, Path patterns, Path portFile) throws Exception {
        Service service = Service.start(ServiceOptions.defaults(patterns).withModel(model).withPort(0),
                Clock.systemUTC(), new PrintWriter(System.err, true));
        Files.writeString(portFile, Integer.toString(service.port()), StandardCharsets.UTF_8);
        System.err.println("serve: " + service.patternCount() + " patterns, model " + service.modelVersion()
                + " on " + service.uri());
        service.awaitClose();
    }

    private static void load(URI uri, Path corpus, int requests, double maxSeconds) throws Exception {
        List<byte[]> bodies = paragraphs(corpus).stream().map(ServiceBenchmark::body).toList();
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build()) {
            Measure.Call http = i -> post(client, uri, bodies.get(i % bodies.size()));
            for (int concurrency : CONCURRENCY) {
                Measure.level("http", concurrency, requests, maxSeconds, http);
            }
        }
    }

    private static void api(Path model, Path patterns, Path corpus, int requests, double maxSeconds)
            throws Exception {
        Pipeline packaged = Pipeline.load(model);
        Matcher matcher = Matcher.compile(PatternFiles.load(patterns).patterns(),
                dev.quarry.matching.MatchOptions.defaults());
        Pipeline pipeline = packaged.withMatcher(matcher);
        List<String> texts = paragraphs(corpus);
        Measure.Call api = i -> JSON.writeValueAsBytes(AnalysisJson.put(JSON.createObjectNode(),
                pipeline.analyze(texts.get(i % texts.size())))).length > 0;
        for (int concurrency : CONCURRENCY) {
            Measure.level("java-api", concurrency, requests, maxSeconds, api);
        }
    }

    /** Paragraphs of 200 to 1,200 chars from the documents' bodies (headers skipped), in file order. */
    static List<String> paragraphs(Path corpus) throws Exception {
        List<String> texts = new ArrayList<>();
        try (BufferedReader lines = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null && texts.size() < TEXTS; line = lines.readLine()) {
                List<Paragraph> paragraphs = Paragraphs.split(JSON.readTree(line).get("text").asText());
                for (Paragraph paragraph : paragraphs.subList(Math.min(1, paragraphs.size()), paragraphs.size())) {
                    int length = paragraph.text().length();
                    if (length >= 200 && length <= 1_200 && texts.size() < TEXTS) {
                        texts.add(paragraph.text());
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "%d paragraphs, mean %.0f chars%n", texts.size(),
                texts.stream().mapToInt(String::length).average().orElse(0));
        return texts;
    }

    private static byte[] body(String text) {
        return JSON.createObjectNode().put("text", text).toString().getBytes(StandardCharsets.UTF_8);
    }

    private static boolean post(HttpClient client, URI uri, byte[] body) throws Exception {
        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(uri)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
        return response.statusCode() == 200 && response.body().length > 0;
    }
}
