package dev.quarry.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.quarry.streams.Task;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The annotation app over HTTP: the page ({@code GET /annotate/}, plain HTML, CSS and JavaScript from the class
 * path) and its API, a thin layer over {@link AnnotationQueue}.
 *
 * <ul>
 *   <li>{@code GET /v1/annotate/config}: {@code dataset}, {@code kind}, {@code mode}, {@code view_id},
 *       {@code labels}, {@code exclusive}.</li>
 *   <li>{@code GET /v1/annotate/next?session=S}: {@code {"task_id": K, "task": {...}, "progress": P}} (plus
 *       {@code "previous": {"answer", "spans" | "accept"}} for a task back by undo), or {@code "task": null}
 *       when nothing is left for S.</li>
 *   <li>{@code POST /v1/annotate/answer}: {@link AnswerRequest} (in ner binary mode an accept may name the right
 *       {@code "label"}: "no, it is L"); answers {@code {"task_id", "answer", "progress"}} once the example is
 *       committed.</li>
 *   <li>{@code POST /v1/annotate/undo} with {@code {"session": S}}: the withdrawn task, shaped as {@code next}.</li>
 *   <li>{@code GET /v1/annotate/progress[?session=S]}: {@code {"answered", "session", "left" (null until the
 *       stream has been read), "reserved", "model"}}; {@code model} is null without a model and without
 *       retraining, else {@code {"version", "created", "retrain": {"every", "pending", "training", "ok",
 *       "failed", "last": {"at", "ok", "version", "millis", "examples", "error"} or null}}} (retrain only with
 *       {@code --retrain-every}).</li>
 * </ul>
 * Thread-safe.
 */
final class AnnotateEndpoints {

    /** Each API path and the method it takes. */
    static final Map<String, String> API = Map.of("/v1/annotate/config", "GET", "/v1/annotate/next", "GET",
            "/v1/annotate/answer", "POST", "/v1/annotate/undo", "POST", "/v1/annotate/progress", "GET");

    private record Page(String contentType, byte[] body) {
    }

    private static final Map<String, String> FILES = Map.of("/annotate", "index.html", "/annotate/", "index.html",
            "/annotate/index.html", "index.html", "/annotate/app.js", "app.js", "/annotate/app.css", "app.css");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final AnnotationQueue queue;
    private final ServedModel model;
    private final ModelLoop loop;
    private final int maxBodyBytes;
    private final Map<String, Page> pages = new HashMap<>();

    /** {@code model} may hold none; {@code loop} is null when the app does not retrain. */
    AnnotateEndpoints(AnnotationQueue queue, ServedModel model, ModelLoop loop, int maxBodyBytes) {
        this.queue = queue;
        this.model = model;
        this.loop = loop;
        this.maxBodyBytes = maxBodyBytes;
        for (String file : FILES.values()) {
            pages.put(file, new Page(contentType(file), resource(file)));
        }
    }

    /** The method {@code path} takes here, or null if it is not the annotation app's. */
    static String method(String path) {
        return FILES.containsKey(path) || path.equals("/") ? "GET" : API.get(path);
    }

    /** One of the {@link #method} paths answered; {@link ApiException} for a bad request. */
    Router.Answer answer(HttpExchange exchange, String path) throws IOException {
        String file = FILES.get(path);
        if (file != null) {
            return page(exchange, pages.get(file));
        }
        return switch (path) {
            case "/" -> redirect(exchange);
            case "/v1/annotate/config" -> Router.json(200, config());
            case "/v1/annotate/next" -> Router.json(200, next(session(exchange, true)));
            case "/v1/annotate/answer" -> Router.json(200, saved(AnswerRequest.parse(body(exchange),
                    queue.options().kind(), queue.options().mode())));
            case "/v1/annotate/undo" -> Router.json(200, undo(body(exchange)));
            default -> Router.json(200, progress(session(exchange, false)));
        };
    }

    private JsonNode body(HttpExchange exchange) throws IOException {
        return JsonBodies.parseObject(JsonBodies.read(exchange, maxBodyBytes));
    }

    private ObjectNode config() {
        AnnotateOptions options = queue.options();
        ObjectNode config = NODES.objectNode();
        config.put("dataset", options.dataset());
        config.put("kind", options.kind().json());
        config.put("mode", options.mode().json());
        config.put("view_id", options.mode().viewId());
        queue.labels().forEach(config.putArray("labels")::add);
        config.put("exclusive", options.exclusive());
        return config;
    }

    private ObjectNode next(String session) {
        ObjectNode answer = served(queue.next(session));
        answer.set("progress", progress(session));
        return answer;
    }

    private ObjectNode served(AnnotationQueue.Served served) {
        ObjectNode answer = NODES.objectNode();
        if (served == null) {
            answer.putNull("task_id");
            answer.putNull("task");
        } else {
            answer.put("task_id", served.key());
            answer.set("task", served.task().json());
            if (served.previous() != null) {
                answer.set("previous", previous(served.previous()));
            }
        }
        return answer;
    }

    private static ObjectNode previous(Task stored) {
        ObjectNode previous = NODES.objectNode();
        previous.put("answer", stored.answer().orElseThrow().json());
        for (String field : new String[] {"spans", "accept"}) {
            if (stored.has(field)) {
                previous.set(field, stored.get(field));
            }
        }
        return previous;
    }

    private ObjectNode saved(AnswerRequest request) {
        queue.answer(request);
        ObjectNode answer = NODES.objectNode();
        answer.put("task_id", request.taskId());
        answer.put("answer", request.answer().json());
        answer.set("progress", progress(request.session()));
        return answer;
    }

    private ObjectNode undo(JsonNode body) {
        JsonBodies.rejectUnknown(body, java.util.Set.of("session"), "\"session\"");
        String session = AnswerRequest.string(AnswerRequest.required(body, "session"), "session");
        ObjectNode answer = served(queue.undo(session));
        answer.set("progress", progress(session));
        return answer;
    }

    private ObjectNode progress(String session) {
        AnnotationQueue.Progress progress = queue.progress(session);
        ObjectNode json = NODES.objectNode();
        json.put("answered", progress.answered());
        if (session == null) {
            json.putNull("session");
        } else {
            json.put("session", progress.sessionAnswered());
        }
        if (progress.left().isPresent()) {
            json.put("left", progress.left().getAsLong());
        } else {
            json.putNull("left");
        }
        json.put("reserved", progress.reserved());
        json.set("model", model());
        return json;
    }

    /** The loop's state for {@code /metrics}, or null when the app does not retrain. */
    ModelLoop.Status training() {
        return loop == null ? null : loop.status();
    }

    /** {@code null} without a model or a loop; else the model's version and the loop's state. */
    private JsonNode model() {
        ServedModel.Current served = model.current();
        if (served == null && loop == null) {
            return NODES.nullNode();
        }
        ObjectNode json = NODES.objectNode();
        if (served == null) {
            json.putNull("version");
        } else {
            json.put("version", served.version());
            json.put("created", served.manifest().created().toString());
        }
        if (loop != null) {
            ModelLoop.Status status = loop.status();
            ObjectNode retrain = json.putObject("retrain");
            retrain.put("every", status.every());
            retrain.put("pending", status.pending());
            retrain.put("training", status.training());
            retrain.put("ok", status.ok());
            retrain.put("failed", status.failed());
            retrain.set("last", last(status.last()));
        }
        return json;
    }

    private static JsonNode last(ModelLoop.Training training) {
        if (training == null) {
            return NODES.nullNode();
        }
        ObjectNode json = NODES.objectNode();
        json.put("at", training.at().toString());
        json.put("ok", training.ok());
        json.put("version", training.version());
        json.put("millis", training.millis());
        training.examples().forEach(json.putObject("examples")::put);
        json.put("error", training.error());
        return json;
    }

    /** The {@code session} query parameter: the only one there is. */
    private static String session(HttpExchange exchange, boolean required) {
        String query = exchange.getRequestURI().getRawQuery();
        String session = null;
        for (String pair : query == null || query.isEmpty() ? new String[0] : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            if (!name.equals("session")) {
                throw new ApiException(ErrorCode.UNKNOWN_FIELD, "unknown query parameter " + JsonBodies.quote(name)
                        + "; expected \"session\"");
            }
            if (session != null) {
                throw new ApiException(ErrorCode.CONFLICTING_FIELDS, "query parameter \"session\" is given twice");
            }
            session = equals < 0 ? "" : decode(pair.substring(equals + 1));
        }
        if (session == null && required) {
            throw new ApiException(ErrorCode.MISSING_FIELD, "query parameter \"session\" is required, e.g. "
                    + exchange.getRequestURI().getPath() + "?session=alice");
        }
        return session;
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.INVALID_VALUE, "query is not URL-encoded: " + JsonBodies.quote(raw));
        }
    }

    private static Router.Answer page(HttpExchange exchange, Page page) {
        var headers = exchange.getResponseHeaders();
        headers.set("Cache-Control", "no-store");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; "
                + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
        return new Router.Answer(200, page.contentType(), page.body());
    }

    private static Router.Answer redirect(HttpExchange exchange) {
        exchange.getResponseHeaders().set("Location", "/annotate/");
        return new Router.Answer(303, "text/plain; charset=utf-8",
                "the annotation app is at /annotate/\n".getBytes(StandardCharsets.UTF_8));
    }

    private static String contentType(String file) {
        return file.endsWith(".html") ? "text/html; charset=utf-8"
                : file.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8";
    }

    private static byte[] resource(String file) {
        try (InputStream in = Objects.requireNonNull(AnnotateEndpoints.class.getResourceAsStream("annotate/" + file),
                "the jar lacks dev/quarry/service/annotate/" + file)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
