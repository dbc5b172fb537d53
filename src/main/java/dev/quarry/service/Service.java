package dev.quarry.service;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.quarry.datasets.Database;
import dev.quarry.model.ModelException;
import dev.quarry.patterns.PatternException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The Quarry HTTP service: pattern matching and match-then-predict over HTTP, with the pattern files reloaded when
 * they change. Start with
 * {@link #start}, stop with {@link #close}. Endpoints, JSON shapes and error codes are listed in the
 * {@linkplain dev.quarry.service package guide}.
 *
 * <p>Thread-safe. The server is the JDK's own {@code com.sun.net.httpserver} (module {@code jdk.httpserver}) with one
 * virtual thread per request.
 */
public final class Service implements AutoCloseable {
    /* Why the JDK server and not Jetty/Undertow/Netty: it ships with every JDK (no dependency to converge or patch),
       and with a virtual thread per exchange its blocking model costs little; the handlers are short CPU-bound calls
       into the matcher. What it lacks (HTTP/2, per-request timeouts beyond the sun.net.httpserver.* properties,
       streaming limits) this service does not need yet; the benchmark in benchmarks/service measures what it gives. */

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final HttpServer server;
    private final ExecutorService executor;
    private final PatternWatcher watcher;
    private final PatternReloader patterns;
    private final ServedModel model;
    private final AnnotationQueue queue;
    private final ModelLoop loop;
    private final CountDownLatch closed = new CountDownLatch(1);

    /** The parts a service runs; {@code queue} and {@code loop} are null unless annotating (and retraining). */
    private record Parts(PatternReloader patterns, ServedModel model, AnnotationQueue queue, ModelLoop loop) {
    }

    private Service(HttpServer server, ExecutorService executor, PatternWatcher watcher, Parts parts) {
        this.server = server;
        this.executor = executor;
        this.watcher = watcher;
        this.patterns = parts.patterns();
        this.model = parts.model();
        this.queue = parts.queue();
        this.loop = parts.loop();
    }

    /**
     * Loads the model package (if {@link ServiceOptions#model} names one) and the patterns, binds the address and
     * starts serving and watching the pattern files. Reload messages and errors go to {@code log}; timestamps come
     * from {@code clock}.
     *
     * @throws IOException      if the patterns or the model cannot be read or the address cannot be bound
     * @throws PatternException if the pattern files have errors (nothing is served)
     * @throws ModelException   if the model package is missing or wrong (nothing is served)
     */
    public static Service start(ServiceOptions options, Clock clock, PrintWriter log)
            throws IOException, PatternException, ModelException {
        ServedModel model = model(options);
        return serve(options, new Parts(patterns(options, model, clock, log), model, null, null), log);
    }

    private static ServedModel model(ServiceOptions options) throws IOException, ModelException {
        return options.model() == null ? ServedModel.none() : ServedModel.load(options.model());
    }

    /** Without a model as asked; with one, in its language and settings, or its own patterns when none are given. */
    private static PatternReloader patterns(ServiceOptions options, ServedModel model, Clock clock, PrintWriter log)
            throws IOException, PatternException {
        if (model.current() == null) {
            return PatternReloader.load(options.patterns(), options.matchOptions(), clock, log);
        }
        if (options.patterns() != null) {
            return PatternReloader.load(options.patterns(), model.matchOptions(), clock, log);
        }
        return model.fixedPatterns(clock, log);
    }

    /**
     * {@link #start} plus the annotation app: the page at {@code /annotate/} and its API under
     * {@code /v1/annotate/} (see {@link AnnotationQueue} for the rules), asking about {@code annotate}'s corpus
     * with the served patterns' and model's suggestions (without either, the spans the corpus has) and adding every
     * answer to {@code database}, which stays the caller's to close after this service. With
     * {@link AnnotateOptions#retrainEvery} a {@link ModelLoop} trains a model from the dataset in the background
     * (from the served model's settings, or from the defaults in the patterns' language when there is none).
     *
     * @throws IOException              if the patterns, the model or the corpus cannot be read or the address
     *                                  cannot be bound
     * @throws PatternException         if the pattern files have errors (nothing is served)
     * @throws ModelException           if the model package is missing or wrong (nothing is served)
     * @throws IllegalArgumentException if ner has no labels, given or from the patterns or the model
     */
    public static Service annotate(ServiceOptions options, AnnotateOptions annotate, Database database, Clock clock,
                                   PrintWriter log) throws IOException, PatternException, ModelException {
        ServedModel model = model(options);
        PatternReloader patterns = patterns(options, model, clock, log);
        Suggestions suggestions = new Suggestions(patterns, model, options.patterns() != null);
        List<String> modelLabels = model.current() == null ? List.of()
                : model.current().manifest().labels().ner();
        AnnotationQueue queue = AnnotationQueue.open(annotate, database, suggestions, modelLabels, clock);
        ModelLoop loop = null;
        try {
            if (annotate.retrainEvery() > 0) {
                loop = new ModelLoop(annotate, database, model, patterns,
                        patterns.current().matcher().options().tokenizer().language(), queue::modelChanged, clock,
                        log);
                queue.onAnswer(loop::answered);
                loop.start();
            }
            return serve(options, new Parts(patterns, model, queue, loop), log);
        } catch (IOException | RuntimeException e) {
            if (loop != null) {
                loop.close();
            }
            queue.close();
            throw e;
        }
    }

    private static Service serve(ServiceOptions options, Parts parts, PrintWriter log) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 1024);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        AnnotateEndpoints annotate = parts.queue() == null ? null
                : new AnnotateEndpoints(parts.queue(), parts.model(), parts.loop(), options.maxBodyBytes());
        server.createContext("/", new Router(options, parts.patterns(), parts.model(), new Metrics(), log, annotate));
        PatternWatcher watcher = options.patterns() == null ? null
                : new PatternWatcher(parts.patterns(), options.pollInterval(), options.debounce(), log);
        server.start();
        if (watcher != null) {
            watcher.start();
        }
        return new Service(server, executor, watcher, parts);
    }

    /** The address the server is bound to (with the real port when 0 was asked for). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    public int port() {
        return address().getPort();
    }

    /** {@code http://host:port/}. */
    public URI uri() {
        InetSocketAddress address = address();
        return URI.create("http://" + address.getHostString() + ":" + address.getPort() + "/");
    }

    /** The number of patterns in the set being served. */
    public int patternCount() {
        return patterns.current().count();
    }

    /** The version of the model served (see {@code /v1/health}), or null when there is none. */
    public String modelVersion() {
        ServedModel.Current current = model.current();
        return current == null ? null : current.version();
    }

    /** Blocks until {@link #close} has run. */
    public void awaitClose() throws InterruptedException {
        closed.await();
    }

    /**
     * Stops watching, stops accepting, gives requests in flight up to a second to finish, closes the annotation
     * corpus. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed.getCount() == 0) {
            return;
        }
        if (watcher != null) {
            watcher.close();
        }
        if (loop != null) {
            loop.close();
        }
        server.stop(1);
        executor.shutdownNow();
        if (queue != null) {
            queue.close();
        }
        closed.countDown();
    }

    /** {@code {"code": "...", "message": "..."}}, the body of every error. */
    static ObjectNode errorJson(ErrorCode code, String message) {
        ObjectNode error = NODES.objectNode();
        error.put("code", code.code());
        error.put("message", message);
        return error;
    }
}
