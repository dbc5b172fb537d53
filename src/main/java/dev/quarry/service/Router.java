package dev.quarry.service;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The one handler behind every path: checks the token, routes by exact path and method, maps {@link ApiException}
 * to its status and JSON body, and records each exchange in the {@link Metrics}. Routing is done here, not with
 * {@code HttpServer} contexts, because those match by prefix ({@code /v1/matchx} would reach {@code /v1/match}).
 */
final class Router implements HttpHandler {

    private static final String JSON_TYPE = "application/json; charset=utf-8";
    private static final String PROMETHEUS_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final Map<String, String> METHODS = Map.of("/v1/match", "POST", "/v1/predict", "POST",
            "/v1/analyze", "POST", "/v1/health", "GET", "/metrics", "GET");

    record Answer(int status, String contentType, byte[] body) {
    }

    private final ServiceOptions options;
    private final PatternReloader patterns;
    private final Metrics metrics;
    private final PrintWriter log;
    private final BearerToken token;
    private final ServedModel model;
    private final Map<String, TextsEndpoint> texts = new java.util.HashMap<>();
    private final AnnotateEndpoints annotate;

    /** {@code model} may hold none; {@code annotate} is null unless the annotation app is served too. */
    Router(ServiceOptions options, PatternReloader patterns, ServedModel model, Metrics metrics, PrintWriter log,
           AnnotateEndpoints annotate) {
        this.options = options;
        this.patterns = patterns;
        this.model = model;
        this.metrics = metrics;
        this.log = log;
        this.token = options.token() == null ? null : new BearerToken(options.token());
        for (TextsEndpoint.Kind kind : TextsEndpoint.Kind.values()) {
            texts.put(kind.path, new TextsEndpoint(kind, patterns, model, options.maxTextChars()));
        }
        this.annotate = annotate;
    }

    private String method(String path) {
        String method = METHODS.get(path);
        return method != null || annotate == null ? method : AnnotateEndpoints.method(path);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        String path = exchange.getRequestURI().getPath();
        try (exchange) {
            Answer answer = answerSafely(exchange, path);
            // Counted before the answer is sent, so a client that has its answer always finds it in /metrics.
            metrics.record(method(path) != null ? path : "other", answer.status(), System.nanoTime() - started);
            send(exchange, answer);
        }
    }

    private Answer answerSafely(HttpExchange exchange, String path) {
        try {
            return answer(exchange, path);
        } catch (ApiException e) {
            return error(e.code(), e.getMessage());
        } catch (IOException | RuntimeException e) {
            log.println("quarry: internal error on " + exchange.getRequestMethod() + " " + path + ": " + e);
            return error(ErrorCode.INTERNAL_ERROR, "internal error; the server log has the details");
        }
    }

    private Answer answer(HttpExchange exchange, String path) throws IOException {
        authorize(exchange);
        String method = method(path);
        if (method == null) {
            throw new ApiException(ErrorCode.NOT_FOUND, "no endpoint at " + JsonBodies.quote(path)
                    + "; endpoints: POST /v1/match, POST /v1/predict, POST /v1/analyze, GET /v1/health, "
                    + "GET /metrics"
                    + (annotate == null ? "" : ", GET /annotate/ (the annotation app) and /v1/annotate/..."));
        }
        if (!method.equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Allow", method);
            throw new ApiException(ErrorCode.METHOD_NOT_ALLOWED, path + " takes " + method + ", got "
                    + JsonBodies.quote(exchange.getRequestMethod()));
        }
        if (!METHODS.containsKey(path)) {
            return annotate.answer(exchange, path);
        }
        TextsEndpoint endpoint = texts.get(path);
        if (endpoint != null) {
            return json(200, endpoint.answer(JsonBodies.parseObject(JsonBodies.read(exchange,
                    options.maxBodyBytes()))));
        }
        return switch (path) {
            case "/v1/health" -> json(200, health());
            default -> new Answer(200, PROMETHEUS_TYPE, metrics.render(patterns.reloadsOk(),
                    patterns.reloadsFailed(), patterns.current().count(), model.current() != null,
                    annotate == null ? null : annotate.training()).getBytes(StandardCharsets.UTF_8));
        };
    }

    private void authorize(HttpExchange exchange) {
        if (token != null && !token.accepts(exchange.getRequestHeaders().getFirst("Authorization"))) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"quarry\"");
            throw new ApiException(ErrorCode.UNAUTHORIZED,
                    "this server needs the header \"Authorization: Bearer <token>\" with the token it was started "
                            + "with (--token-file)");
        }
    }

    private ObjectNode health() {
        PatternReloader.Loaded loaded = patterns.current();
        PatternReloader.Attempt last = patterns.lastAttempt();
        ObjectNode health = JsonNodeFactory.instance.objectNode();
        health.put("status", last.ok() ? "ok" : "degraded");
        ObjectNode set = health.putObject("patterns");
        set.put("version", loaded.version());
        set.put("count", loaded.count());
        loaded.files().forEach(set.putArray("files")::add);
        set.put("loaded_at", loaded.loadedAt().toString());
        ObjectNode reload = health.putObject("last_reload");
        reload.put("at", last.at().toString());
        reload.put("ok", last.ok());
        ArrayNode errors = reload.putArray("errors");
        last.errors().forEach(errors::add);
        ObjectNode counts = health.putObject("reloads");
        counts.put("ok", patterns.reloadsOk());
        counts.put("failed", patterns.reloadsFailed());
        ServedModel.Current served = model.current();
        if (served == null) {
            health.putNull("model");
        } else {
            health.set("model", ServedModel.health(served));
        }
        return health;
    }

    private static Answer error(ErrorCode code, String message) {
        return json(code.status(), Service.errorJson(code, message));
    }

    static Answer json(int status, ObjectNode body) {
        try {
            return new Answer(status, JSON_TYPE, JsonBodies.JSON.writeValueAsBytes(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain nodes always serializes", e);
        }
    }

    private static void send(HttpExchange exchange, Answer answer) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        exchange.sendResponseHeaders(answer.status(), answer.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer.body());
        }
    }
}
