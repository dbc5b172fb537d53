package dev.quarry.service;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.quarry.datasets.Database;
import dev.quarry.patterns.PatternException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The Quarry HTTP service: pattern matching over HTTP, with the pattern files reloaded when they change. Start with
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
    private final AnnotationQueue queue;
    private final CountDownLatch closed = new CountDownLatch(1);

    private Service(HttpServer server, ExecutorService executor, PatternWatcher watcher, PatternReloader patterns,
                    AnnotationQueue queue) {
        this.server = server;
        this.executor = executor;
        this.watcher = watcher;
        this.patterns = patterns;
        this.queue = queue;
    }

    /**
     * Loads the patterns, binds the address and starts serving and watching the pattern files. Reload messages and
     * errors go to {@code log}; timestamps come from {@code clock}.
     *
     * @throws IOException      if the patterns cannot be read or the address cannot be bound
     * @throws PatternException if the pattern files have errors (nothing is served)
     */
    public static Service start(ServiceOptions options, Clock clock, PrintWriter log)
            throws IOException, PatternException {
        PatternReloader patterns = PatternReloader.load(options.patterns(), options.matchOptions(), clock, log);
        return serve(options, patterns, null, log);
    }

    /**
     * {@link #start} plus the annotation app: the page at {@code /annotate/} and its API under
     * {@code /v1/annotate/} (see {@link AnnotationQueue} for the rules), asking about {@code annotate}'s corpus
     * with the served patterns' suggestions (without patterns, the spans the corpus has) and adding every answer to
     * {@code database}, which stays the caller's to close after this service.
     *
     * @throws IOException              if the patterns or the corpus cannot be read or the address cannot be bound
     * @throws PatternException         if the pattern files have errors (nothing is served)
     * @throws IllegalArgumentException if ner has no labels, given or from the patterns
     */
    public static Service annotate(ServiceOptions options, AnnotateOptions annotate, Database database, Clock clock,
                                   PrintWriter log) throws IOException, PatternException {
        PatternReloader patterns = PatternReloader.load(options.patterns(), options.matchOptions(), clock, log);
        AnnotationQueue queue = AnnotationQueue.open(annotate, database, () -> patterns.current().matcher(),
                options.patterns() != null, clock);
        try {
            return serve(options, patterns, queue, log);
        } catch (IOException | RuntimeException e) {
            queue.close();
            throw e;
        }
    }

    private static Service serve(ServiceOptions options, PatternReloader patterns, AnnotationQueue queue,
                                 PrintWriter log) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 1024);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", new Router(options, patterns, new Metrics(), log,
                queue == null ? null : new AnnotateEndpoints(queue, options.maxBodyBytes())));
        PatternWatcher watcher = options.patterns() == null ? null
                : new PatternWatcher(patterns, options.pollInterval(), options.debounce(), log);
        server.start();
        if (watcher != null) {
            watcher.start();
        }
        return new Service(server, executor, watcher, patterns, queue);
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
