package dev.quarry.benchmarks.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.matching.MatchOptions;
import dev.quarry.matching.Matcher;
import dev.quarry.patterns.PatternFiles;
import dev.quarry.service.Service;
import dev.quarry.service.ServiceOptions;
import dev.quarry.streams.MatchSpans;
import dev.quarry.text.Doc;
import dev.quarry.text.Offsets;
import dev.quarry.text.Paragraph;
import dev.quarry.text.Paragraphs;
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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code POST /v1/match} over loopback at 1, 8 and 64 concurrent connections, one 20 Newsgroups paragraph per
 * request, against the example patterns; then the same work (tokenize, match, spans to JSON bytes) through the Java
 * API at the same concurrency, to show what HTTP costs. Server and load generator share one JVM and the machine's
 * cores; every level is bounded in requests and in seconds.
 */
public final class ServiceBenchmark {

    private static final int[] CONCURRENCY = {1, 8, 64};
    private static final int TEXTS = 2_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one request or call does; returns false for a failed request. */
    private interface Call {
        boolean run(int index) throws Exception;
    }

    private record Result(String what, int concurrency, int done, int failed, double seconds, long[] nanos) {
        String line() {
            Arrays.sort(nanos, 0, done);
            return String.format(Locale.ROOT, "%-9s %4d conn  %7d req  %9.0f req/s  p50 %7.3f ms  p99 %7.3f ms"
                    + "  failed %d", what, concurrency, done, done / seconds, percentile(0.50), percentile(0.99),
                    failed);
        }

        private double percentile(double p) {
            return done == 0 ? Double.NaN : nanos[Math.min(done - 1, (int) (p * done))] / 1e6;
        }
    }

    public static void main(String[] args) throws Exception {
        Path patterns = Path.of(args[0]);
        List<String> texts = paragraphs(Path.of(args[1]));
        int requests = Integer.parseInt(args[2]);
        double maxSeconds = Double.parseDouble(args[3]);
        System.out.printf(Locale.ROOT, "%d paragraphs, mean %.0f chars; patterns %s%n", texts.size(),
                texts.stream().mapToInt(String::length).average().orElse(0), patterns);
        List<byte[]> bodies = texts.stream().map(ServiceBenchmark::body).toList();
        try (Service service = Service.start(ServiceOptions.defaults(patterns).withPort(0), Clock.systemUTC(),
                new PrintWriter(System.err, true));
             HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                     .executor(Executors.newVirtualThreadPerTaskExecutor()).build()) {
            URI uri = service.uri().resolve("/v1/match");
            Call http = i -> post(client, uri, bodies.get(i % bodies.size()));
            for (int concurrency : CONCURRENCY) {
                measure("http", concurrency, Math.min(requests, 2_000), maxSeconds, http);
                System.out.println(measure("http", concurrency, requests, maxSeconds, http).line());
            }
        }
        Matcher matcher = Matcher.compile(PatternFiles.load(patterns).patterns(), MatchOptions.defaults());
        Call api = i -> javaApi(matcher, texts.get(i % texts.size())).length > 0;
        for (int concurrency : CONCURRENCY) {
            measure("java-api", concurrency, Math.min(requests, 2_000), maxSeconds, api);
            System.out.println(measure("java-api", concurrency, requests, maxSeconds, api).line());
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

    /** What the server does for one text, minus HTTP: tokenize, match, spans as JSON bytes. */
    private static byte[] javaApi(Matcher matcher, String text) throws Exception {
        Doc doc = matcher.options().tokenizer().tokenize(text);
        ObjectNode answer = JSON.createObjectNode();
        MatchSpans.addAll(answer.putArray("spans"), matcher.match(doc), Offsets.of(text));
        return JSON.writeValueAsBytes(answer);
    }

    private static Result measure(String what, int concurrency, int requests, double maxSeconds, Call call)
            throws InterruptedException {
        long[] nanos = new long[requests];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicLong failed = new AtomicLong();
        long started = System.nanoTime();
        long deadline = started + (long) (maxSeconds * 1e9);
        CountDownLatch finished = new CountDownLatch(concurrency);
        for (int t = 0; t < concurrency; t++) {
            Thread.ofVirtual().start(() -> {
                try {
                    loop(call, nanos, next, done, failed, deadline);
                } finally {
                    finished.countDown();
                }
            });
        }
        finished.await();
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Result(what, concurrency, done.get(), (int) failed.get(), seconds, compact(nanos, next, done));
    }

    private static void loop(Call call, long[] nanos, AtomicInteger next, AtomicInteger done, AtomicLong failed,
                             long deadline) {
        for (int i = next.getAndIncrement(); i < nanos.length && System.nanoTime() < deadline;
             i = next.getAndIncrement()) {
            long start = System.nanoTime();
            boolean ok;
            try {
                ok = call.run(i);
            } catch (Exception e) {
                ok = false;
            }
            nanos[i] = System.nanoTime() - start;
            done.incrementAndGet();
            if (!ok) {
                failed.incrementAndGet();
            }
        }
    }

    /** The latencies of the requests that ran (a deadline can leave holes), packed to the front. */
    private static long[] compact(long[] nanos, AtomicInteger next, AtomicInteger done) {
        int ran = 0;
        long[] packed = new long[done.get()];
        for (int i = 0; i < Math.min(next.get(), nanos.length) && ran < packed.length; i++) {
            if (nanos[i] > 0) {
                packed[ran++] = nanos[i];
            }
        }
        return packed;
    }
}
