package org.configspec.serve.verifier;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.llm.engine.LlamaModel;
import org.configspec.llm.engine.Tokenizer;
import org.configspec.llm.sampling.Sampler;
import org.configspec.llm.sampling.SamplingParams;
import org.configspec.serve.http.BearerToken;
import org.configspec.serve.http.HeaderDeadline;
import org.configspec.serve.http.JsonErrors;
import org.configspec.serve.http.JsonErrorHandler;
import org.configspec.serve.http.RequestGate;
import org.configspec.serve.http.ServerLimits;
import org.configspec.serve.metrics.VerifierMetrics;
import org.configspec.serve.protocol.ErrorBody;
import org.configspec.serve.protocol.Json;
import org.configspec.serve.protocol.ProtocolException;
import org.configspec.serve.protocol.SessionRequest;
import org.configspec.serve.protocol.SessionResponse;
import org.configspec.serve.protocol.SparseDistribution;
import org.configspec.serve.protocol.VerifyCodec;
import org.configspec.serve.protocol.VerifyRequest;
import org.configspec.serve.protocol.VerifyResponse;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The verifier: HTTP/JSON routes (serve/PROTOCOL.md) over a {@link DecodeLoop} on a {@link VerificationBackend} (one
 * llama session of the target, or a serving engine). {@link #start} binds and returns a running server; {@link
 * #close()} stops HTTP, the decode thread and the backend (not the model, which the caller owns).
 */
public final class VerifierServer implements AutoCloseable {
    private static final String ERROR_WRITTEN = "configspec.error";
    private static final long ANSWER_TIMEOUT_S = 60;
    private static final long IDLE_CONNECTION_MS = 30_000;
    /** Marks the server's own warm-up requests ({@link RequestWarmUp}); its value must be this server's key. */
    static final String WARM_UP_HEADER = "X-ConfigSpec-Warm-Up";

    private final VerifierConfig config;
    private final Tokenizer model;
    private final VerificationBackend backend;
    private final SessionTable table;
    private final VerifierMetrics metrics;
    private final DecodeLoop loop;
    private final AnswerDeadlines answers = new AnswerDeadlines(Duration.ofSeconds(ANSWER_TIMEOUT_S),
            Duration.ofSeconds(1));
    private final int longestPiece;
    private final HeaderDeadline headers;
    private final RequestGate gate;
    private final AtomicInteger queued = new AtomicInteger();
    private final String warmUpKey = newWarmUpKey();
    private final Javalin app;

    private VerifierServer(VerifierConfig config, Tokenizer model, VerificationBackend backend) {
        this.config = config;
        this.model = model;
        this.backend = backend;
        this.table = new SessionTable(config.maxSessions());
        this.metrics = new VerifierMetrics(config.maxK(), config.maxBatch());
        backend.bind(metrics);
        this.loop = new DecodeLoop(backend, table, config, metrics);
        this.longestPiece = longestPiece(model);
        ServerLimits limits = config.limits();
        this.headers = new HeaderDeadline(limits);
        this.gate = new RequestGate(limits, config.maxBodyBytes(),
                config.token() == null ? null : new BearerToken(config.token()), metrics::rejected, headers);
        metrics.overloadGauges(queued::get, gate::inFlight, headers::connections);
        this.app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.http.maxRequestSize = config.maxBodyBytes();
            c.http.prefer405over404 = true;
            c.jetty.modifyServer(server -> {
                gate.setHandler(new VerifyRoute(this)); // Javalin puts its servlet handler inside the innermost wrapper
                server.setHandler(gate);
                server.setErrorHandler(new JsonErrorHandler(metrics::rejected));
            });
            c.jetty.addConnector((server, http) -> {
                http.setSendServerVersion(false);
                // Jetty's header cache matches values ignoring case by default: after "Bearer secret" on a
                // connection, "Bearer SECRET" would be served the cached (correct) value and pass
                http.setHeaderCacheCaseSensitive(true);
                ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
                connector.setHost(config.host());
                connector.setPort(config.port());
                connector.setIdleTimeout(IDLE_CONNECTION_MS);
                connector.addEventListener(headers);
                NetworkConnectionLimit cap = new NetworkConnectionLimit(limits.maxConnections(), connector);
                cap.setEndPointIdleTimeout(limits.headerTimeout().toMillis());
                server.addBean(cap);
                return connector;
            });
            for (Route r : routes()) {
                c.routes.addHttpHandler(r.method(), r.path(), r.handler());
            }
            c.routes.exception(ProtocolException.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
            c.routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), e.getMessage()));
            c.routes.exception(Exception.class, (e, ctx) -> error(ctx, 500, "internal error: " + e));
            for (int status : new int[] {404, 405}) {
                c.routes.error(status, ctx -> {
                    if (ctx.attribute(ERROR_WRITTEN) == null) {
                        error(ctx, status, status == 404 ? "no such endpoint: " + ctx.method() + " " + ctx.path()
                                : "method not allowed: " + ctx.method() + " " + ctx.path() + " (allowed: "
                                + allowed(ctx.path()) + ")");
                    }
                });
            }
        });
    }

    /** One endpoint of serve/PROTOCOL.md. */
    private record Route(HandlerType method, String path, Pattern pattern, Handler handler) {
    }

    private List<Route> routes() {
        return List.of(
                route(HandlerType.GET, "/healthz", ctx -> ok(ctx, new Health("ok", table.size(), config.maxSessions()))),
                route(HandlerType.GET, "/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                        .result(metrics.scrape())),
                route(HandlerType.POST, "/v1/sessions", this::createSession),
                route(HandlerType.POST, "/v1/sessions/{id}/verify", this::verify),
                route(HandlerType.DELETE, "/v1/sessions/{id}", this::deleteSession));
    }

    private static Route route(HandlerType method, String path, Handler handler) {
        return new Route(method, path, Pattern.compile(path.replaceAll("\\{[^/]+}", "[^/]+")), handler);
    }

    /** The Allow header for {@code path}: the methods of the routes that match it. */
    private String allowed(String path) {
        StringJoiner j = new StringJoiner(", ");
        for (Route r : routes()) {
            if (r.pattern().matcher(path).matches()) {
                j.add(r.method().name());
            }
        }
        return j.toString();
    }

    /** Starts a verifier for {@code model}; the caller keeps the model open until {@link #close()}. */
    public static VerifierServer start(VerifierConfig config, LlamaModel model) {
        return start(config, model, new LlamaBackend(model, config));
    }

    /**
     * Starts a verifier whose target rows come from {@code backend} (which the server closes), tokenising text
     * prompts and checking token ids with {@code tokenizer} (the target's vocabulary).
     */
    public static VerifierServer start(VerifierConfig config, Tokenizer tokenizer, VerificationBackend backend) {
        VerifierServer s;
        try {
            s = new VerifierServer(config, tokenizer, backend);
        } catch (RuntimeException | Error e) {
            backend.close();
            throw e;
        }
        try {
            s.loop.ready().join(); // the backend warmed up on the decode thread before the first request
        } catch (java.util.concurrent.CompletionException e) {
            s.closeQuietly();
            Throwable c = e.getCause() == null ? e : e.getCause();
            throw c instanceof RuntimeException r ? r : new ConfigSpecException("cannot start the verifier: "
                    + rootMessage(c), c);
        }
        try {
            s.app.start();
        } catch (RuntimeException e) {
            s.closeQuietly();
            throw new ConfigSpecException("cannot start the verifier on " + config.host() + ":" + config.port() + ": "
                    + rootMessage(e), e);
        }
        return s;
    }

    public int port() {
        return app.port();
    }

    public String url() {
        String h = config.host().indexOf(':') >= 0 ? "[" + config.host() + "]" : config.host();
        return "http://" + h + ":" + port();
    }

    public VerifierMetrics metrics() {
        return metrics;
    }

    public VerifierConfig config() {
        return config;
    }

    /**
     * What a verify group in non-consecutive slots costs beyond one pass, as the backend measured it at start; null
     * where slots cost nothing.
     */
    public org.configspec.core.calibration.PassCosts passCosts() {
        return backend.passCosts();
    }

    /**
     * Runs the request path a few thousand times (over loopback, refused before any decoding, not counted in the
     * metrics) so that the first clients do not pay the JIT's warm-up; at most {@code budget}. See {@link RequestWarmUp}.
     */
    public RequestWarmUp.Result warmUp(Duration budget) {
        return RequestWarmUp.run(this, budget);
    }

    String warmUpKey() {
        return warmUpKey;
    }

    /** Whether a request is this server's own warm-up (it carries the key, compared in constant time). */
    boolean warmingUp(org.eclipse.jetty.server.Request request) {
        String v = request.getHeaders().get(WARM_UP_HEADER);
        return v != null && java.security.MessageDigest.isEqual(v.getBytes(StandardCharsets.US_ASCII),
                warmUpKey.getBytes(StandardCharsets.US_ASCII));
    }

    private static String newWarmUpKey() {
        byte[] b = new byte[16];
        new java.security.SecureRandom().nextBytes(b);
        return java.util.HexFormat.of().formatHex(b);
    }

    /** What runs the target (one line). */
    public String backend() {
        return backend.describe();
    }

    /** The health answer. */
    public record Health(String status, int sessions, int maxSessions) {
    }

    private void createSession(Context ctx) throws Exception {
        SessionRequest r = Json.read(body(ctx), SessionRequest.class);
        int[] prompt = r.prompt() != null ? r.prompt() : tokenize(r.text());
        int vocab = model.vocabSize();
        for (int t : prompt) {
            if (t < 0 || t >= vocab) {
                throw ProtocolException.badRequest("'prompt' token id " + t + " outside the vocabulary 0.." + (vocab - 1));
            }
        }
        if (prompt.length == 0 || prompt.length >= config.contextPerSession()) {
            throw new ProtocolException(413, "prompt of " + prompt.length + " tokens: allowed 1.."
                    + (config.contextPerSession() - 1) + " (the context per session)");
        }
        Acceptance acceptance;
        long seed = r.seed() == null ? 0 : r.seed();
        if (r.greedyAcceptance()) {
            acceptance = GreedyAcceptance.INSTANCE;
        } else {
            acceptance = new RejectionSampling(new Sampler(new SamplingParams(r.temperature(),
                    r.topK() == null ? 0 : r.topK(), r.topP() == null ? 1 : r.topP(), seed)));
        }
        admit();
        int seq;
        try {
            seq = table.allocateSeq();
        } catch (RuntimeException e) {
            queued.decrementAndGet();
            throw e;
        }
        ServerSession s = new ServerSession(table.newId(), seq, prompt, acceptance, r.greedyAcceptance(), seed,
                config.contextPerSession());
        try {
            await(loop.create(s));
        } catch (RuntimeException | InterruptedException e) {
            // the clearing is queued behind the prefill, and a later session of the same id behind the clearing
            loop.free(s);
            throw e;
        } finally {
            queued.decrementAndGet();
        }
        table.put(s);
        metrics.sessions(table.size());
        ok(ctx.status(201), new SessionResponse(s.id, s.length(), config.contextPerSession(), config.maxK(), vocab));
    }

    /** The verify route for the forms {@link VerifyRoute} leaves to Javalin (e.g. a trailing slash). */
    private void verify(Context ctx) throws Exception {
        VerifyResponse answer = await(verify(ctx.pathParam("id"), body(ctx)));
        ctx.contentType(JsonErrors.JSON).result(VerifyCodec.write(answer));
    }

    /**
     * Checks a verify of {@code session} and queues it for the decode thread. The future completes with the answer
     * (its timings counted), or exceptionally with the {@link ProtocolException} to answer instead (see {@link
     * #refusal}); a refusal found before queueing is thrown.
     */
    CompletableFuture<VerifyResponse> verify(String session, byte[] body) {
        ServerSession s = table.get(session);
        VerifyRequest r = VerifyCodec.readRequest(body);
        if (r.k() > config.maxK()) {
            throw new ProtocolException(413, "K = " + r.k() + " drafted tokens: allowed 0.." + config.maxK()
                    + " (--max-k)");
        }
        int vocab = model.vocabSize();
        for (int t : r.draft()) {
            if (t >= vocab) {
                throw ProtocolException.badRequest("'draft' token id " + t + " outside the vocabulary 0.." + (vocab - 1));
            }
        }
        List<SparseDistribution> q = r.draftProbs();
        if (!s.greedy && r.k() > 0 && q == null) {
            throw ProtocolException.badRequest("'draftProbs' is required for a sampling session (one entry per"
                    + " drafted token)");
        }
        if (q != null) {
            for (int i = 0; i < q.size(); i++) {
                int id = q.get(i).largestId();
                if (id >= vocab) {
                    throw ProtocolException.badRequest("'draftProbs[" + i + "].ids' holds token id " + id
                            + " outside the vocabulary 0.." + (vocab - 1));
                }
            }
        }
        admit();
        return answers.watch(loop.verify(s, r)).handle((answer, failure) -> {
            queued.decrementAndGet();
            if (failure != null) {
                throw new CompletionException(refusal(failure));
            }
            VerifyResponse.Timings t = answer.timings();
            metrics.verifyTimings(t.queueMs(), t.decodeMs(), t.batchSize());
            return answer;
        });
    }

    /** What a failed request answers: its own status when it is a refusal, 503 after no answer in time, else 500. */
    static ProtocolException refusal(Throwable failure) {
        Throwable c = failure;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        if (c instanceof ProtocolException p) {
            return p;
        }
        if (c instanceof TimeoutException) {
            return new ProtocolException(503, "the verifier is overloaded: no answer within " + ANSWER_TIMEOUT_S + " s");
        }
        if (c instanceof IllegalArgumentException) {
            return ProtocolException.badRequest(c.getMessage());
        }
        return new ProtocolException(500, "internal error: " + c);
    }

    /** Counts a refused request (by status) in the metrics. */
    void rejected(int status) {
        metrics.rejected(status);
    }

    /**
     * Takes a place in the bounded queue in front of the decode thread (the caller gives it back when its answer
     * came), or refuses with 429 when all {@code --max-queue} places are taken.
     */
    private void admit() {
        if (queued.incrementAndGet() > config.limits().maxQueued()) {
            queued.decrementAndGet();
            throw new ProtocolException(429, "the decode queue is full (" + config.limits().maxQueued()
                    + " waiting, --max-queue): retry later");
        }
    }

    /**
     * The prompt text's tokens with BOS. A text longer than the context could hold even if every token were the
     * vocabulary's longest piece is refused before tokenising it (tokenising a megabyte costs seconds).
     */
    private int[] tokenize(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        long bound = (long) (config.contextPerSession() - 1) * longestPiece;
        if (utf8.length > bound) {
            throw new ProtocolException(413, "'text' of " + utf8.length + " bytes is longer than " + bound
                    + " bytes, more than the " + (config.contextPerSession() - 1) + " tokens a prompt may have");
        }
        return model.tokenize(utf8, true);
    }

    /** The longest piece of text one token stands for, in UTF-8 bytes (at least 1). */
    private static int longestPiece(Tokenizer model) {
        int longest = 1;
        for (int t = 0; t < model.vocabSize(); t++) {
            longest = Math.max(longest, model.piece(t).length);
        }
        return longest;
    }

    private void deleteSession(Context ctx) {
        ServerSession s = table.get(ctx.pathParam("id"));
        if (table.remove(s.id) != null) {
            loop.free(s);
        }
        ctx.status(204);
    }

    /** The body the {@link RequestGate} read in full before the route ran (empty when there was none). */
    private static byte[] body(Context ctx) {
        return ctx.attribute(RequestGate.BODY) instanceof byte[] b ? b : new byte[0];
    }

    private static <T> T await(CompletableFuture<T> f) throws InterruptedException {
        try {
            return f.get(ANSWER_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw refusal(e);
        }
    }

    private static void ok(Context ctx, Object value) {
        ctx.contentType("application/json").result(Json.write(value));
    }

    private void error(Context ctx, int status, String message) {
        metrics.rejected(status);
        ctx.attribute(ERROR_WRITTEN, Boolean.TRUE);
        if (status == 429) {
            ctx.header("Retry-After", "1");
        }
        if (status == 405) {
            ctx.header("Allow", allowed(ctx.path()));
            message = "method not allowed: " + ctx.method() + " " + ctx.path() + " (allowed: " + allowed(ctx.path())
                    + ")";
        }
        ctx.status(status).contentType("application/json").result(Json.write(new ErrorBody(status,
                message == null ? "error" : message)));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage());
    }

    private void closeQuietly() {
        try {
            app.stop();
        } catch (RuntimeException ignored) {
            // not started
        }
        headers.close();
        answers.close();
        loop.close();
        backend.close();
    }

    @Override
    public void close() {
        closeQuietly();
    }
}
