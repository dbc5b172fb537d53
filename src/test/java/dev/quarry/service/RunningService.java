package dev.quarry.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;

/** A real {@link Service} on an ephemeral loopback port, with an HTTP client and helpers to rewrite pattern files. */
final class RunningService implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    final Service service;
    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    final StringWriter log;

    record Reply(int status, String body, java.net.http.HttpHeaders headers) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }
    }

    private RunningService(Service service, StringWriter log) {
        this.service = service;
        this.log = log;
    }

    static RunningService start(Path patterns, Function<ServiceOptions, ServiceOptions> tweak) throws Exception {
        ServiceOptions options = tweak.apply(ServiceOptions.defaults(patterns).withPort(0)
                .withReloadTiming(Duration.ofMillis(50), Duration.ofMillis(20)));
        StringWriter log = new StringWriter();
        return new RunningService(Service.start(options, Clock.systemUTC(), new PrintWriter(log, true)), log);
    }

    /** The annotation app over {@code annotate}'s corpus on an ephemeral port; {@code patterns} may be null. */
    static RunningService annotate(Path patterns, AnnotateOptions annotate, dev.quarry.datasets.Database database,
                                   Clock clock) throws Exception {
        return annotate(patterns, null, annotate, database, clock);
    }

    /** The annotation app with a model package ({@code model} may be null). */
    static RunningService annotate(Path patterns, Path model, AnnotateOptions annotate,
                                   dev.quarry.datasets.Database database, Clock clock) throws Exception {
        ServiceOptions options = ServiceOptions.defaults(patterns).withPort(0)
                .withReloadTiming(Duration.ofMillis(50), Duration.ofMillis(20)).withModel(model);
        StringWriter log = new StringWriter();
        return new RunningService(Service.annotate(options, annotate, database, clock, new PrintWriter(log, true)),
                log);
    }

    Reply post(String path, String body, String... headers) {
        return send(request(path, headers).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    Reply get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.uri() + path.substring(1)))
                .timeout(Duration.ofSeconds(10));
        return headers.length == 0 ? request : request.headers(headers);
    }

    Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Replaces a file the way editors save: a hidden temporary file beside it, then an atomic rename. */
    static void replace(Path file, String content) throws IOException {
        Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.writeString(temporary, content, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Waits (up to 10 s) until /v1/health reports at least {@code ok} good and {@code failed} failed reloads. */
    JsonNode awaitReloads(long ok, long failed) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            JsonNode health = get("/v1/health").json();
            JsonNode reloads = health.get("reloads");
            if (reloads.get("ok").asLong() >= ok && reloads.get("failed").asLong() >= failed) {
                return health;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no reload seen within 10 s, health: " + health);
            }
            Thread.sleep(10);
        }
    }

    @Override
    public void close() {
        service.close();
        client.close();
    }
}
