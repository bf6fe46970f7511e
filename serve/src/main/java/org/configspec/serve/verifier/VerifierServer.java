package org.configspec.serve.verifier;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.llm.engine.ContextOptions;
import org.configspec.llm.engine.LlamaModel;
import org.configspec.llm.engine.LlamaSession;
import org.configspec.llm.sampling.Sampler;
import org.configspec.llm.sampling.SamplingParams;
import org.configspec.serve.metrics.VerifierMetrics;
import org.configspec.serve.protocol.ErrorBody;
import org.configspec.serve.protocol.Json;
import org.configspec.serve.protocol.ProtocolException;
import org.configspec.serve.protocol.SessionRequest;
import org.configspec.serve.protocol.SessionResponse;
import org.configspec.serve.protocol.SparseDistribution;
import org.configspec.serve.protocol.VerifyRequest;
import org.configspec.serve.protocol.VerifyResponse;

/**
 * The verifier: HTTP/JSON routes (serve/PROTOCOL.md) over a {@link DecodeLoop} on one llama session of the target.
 * {@link #start} binds and returns a running server; {@link #close()} stops HTTP, the decode thread and the llama
 * session (not the model, which the caller owns).
 */
public final class VerifierServer implements AutoCloseable {
    private static final String ERROR_WRITTEN = "configspec.error";
    private static final long ANSWER_TIMEOUT_S = 60;

    private final VerifierConfig config;
    private final LlamaModel model;
    private final LlamaSession llama;
    private final SessionTable table;
    private final VerifierMetrics metrics;
    private final DecodeLoop loop;
    private final byte[] expectedAuth;
    private final Javalin app;

    private VerifierServer(VerifierConfig config, LlamaModel model) {
        this.config = config;
        this.model = model;
        int capacity = Math.max(config.maxBatch() * (config.maxK() + 1), config.contextPerSession());
        this.llama = model.newSession(ContextOptions.defaults().withThreads(config.threads())
                .withSequences(config.maxSessions()).withContextSize(config.contextPerSession())
                .withBatchCapacity(capacity).exact());
        this.table = new SessionTable(config.maxSessions());
        this.metrics = new VerifierMetrics(config.maxK(), config.maxBatch());
        this.loop = new DecodeLoop(llama, table, config, metrics);
        this.expectedAuth = config.token() == null ? null
                : ("Bearer " + config.token()).getBytes(StandardCharsets.UTF_8);
        this.app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.jetty.host = config.host();
            c.jetty.port = config.port();
            c.http.maxRequestSize = config.maxBodyBytes();
            c.routes.before(this::authenticate);
            c.routes.get("/healthz", ctx -> ok(ctx, new Health("ok", table.size(), config.maxSessions())));
            c.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                    .result(metrics.scrape()));
            c.routes.post("/v1/sessions", this::createSession);
            c.routes.post("/v1/sessions/{id}/verify", this::verify);
            c.routes.delete("/v1/sessions/{id}", this::deleteSession);
            c.routes.exception(ProtocolException.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
            c.routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), e.getMessage()));
            c.routes.exception(Exception.class, (e, ctx) -> error(ctx, 500, "internal error: " + e));
            for (int status : new int[] {404, 405}) {
                c.routes.error(status, ctx -> {
                    if (ctx.attribute(ERROR_WRITTEN) == null) {
                        error(ctx, status, status == 404 ? "no such endpoint: " + ctx.method() + " " + ctx.path()
                                : "method not allowed: " + ctx.method() + " " + ctx.path());
                    }
                });
            }
        });
    }

    /** Starts a verifier for {@code model}; the caller keeps the model open until {@link #close()}. */
    public static VerifierServer start(VerifierConfig config, LlamaModel model) {
        VerifierServer s = new VerifierServer(config, model);
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

    /** The health answer. */
    public record Health(String status, int sessions, int maxSessions) {
    }

    private void authenticate(Context ctx) {
        if (expectedAuth == null || "/healthz".equals(ctx.path())) {
            return;
        }
        String h = ctx.header("Authorization");
        byte[] got = h == null ? new byte[0] : h.getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(got, expectedAuth)) {
            throw new ProtocolException(401, h == null ? "missing bearer token (Authorization: Bearer TOKEN)"
                    : "wrong bearer token");
        }
    }

    private void createSession(Context ctx) throws Exception {
        SessionRequest r = Json.read(body(ctx), SessionRequest.class);
        int[] prompt = r.prompt() != null ? r.prompt() : model.tokenize(r.text(), true);
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
        int seq = table.allocateSeq();
        ServerSession s = new ServerSession(table.newId(), seq, prompt, acceptance, r.greedyAcceptance(), seed,
                config.contextPerSession());
        try {
            await(loop.create(s));
        } catch (RuntimeException | InterruptedException e) {
            // queued behind the prefill, so the sequence id is released only once the prefill is done with it
            loop.free(s);
            throw e;
        }
        table.put(s);
        metrics.sessions(table.size());
        ok(ctx.status(201), new SessionResponse(s.id, s.length(), config.contextPerSession(), config.maxK(), vocab));
    }

    private void verify(Context ctx) throws Exception {
        ServerSession s = table.get(ctx.pathParam("id"));
        VerifyRequest r = Json.read(body(ctx), VerifyRequest.class);
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
        if (!s.greedy && r.k() > 0) {
            List<SparseDistribution> q = r.draftProbs();
            if (q == null) {
                throw ProtocolException.badRequest("'draftProbs' is required for a sampling session (one entry per"
                        + " drafted token)");
            }
        }
        ok(ctx, await(loop.verify(s, r)));
    }

    private void deleteSession(Context ctx) {
        ServerSession s = table.get(ctx.pathParam("id"));
        if (table.remove(s.id) != null) {
            loop.free(s);
        }
        ctx.status(204);
    }

    /**
     * The body, read with a hard limit whatever the Content-Length says. An oversized body is drained (up to 8 times
     * the limit) before the 413 goes out, so that a client still writing it reads the answer instead of a reset.
     */
    private byte[] body(Context ctx) throws IOException {
        long max = config.maxBodyBytes();
        try (InputStream in = ctx.req().getInputStream()) {
            if (ctx.contentLength() > max) {
                drain(in, 8 * max);
                throw new ProtocolException(413, "request body of " + ctx.contentLength() + " bytes: allowed at most "
                        + max + " bytes");
            }
            byte[] b = in.readNBytes((int) max + 1);
            if (b.length > max) {
                drain(in, 7 * max);
                throw new ProtocolException(413, "request body over " + max + " bytes");
            }
            return b;
        }
    }

    private static void drain(InputStream in, long limit) throws IOException {
        byte[] sink = new byte[64 * 1024];
        long total = 0;
        int n;
        while (total < limit && (n = in.read(sink)) > 0) {
            total += n;
        }
    }

    private static <T> T await(CompletableFuture<T> f) throws InterruptedException {
        try {
            return f.get(ANSWER_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new ProtocolException(503, "the verifier is overloaded: no answer within " + ANSWER_TIMEOUT_S + " s");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof ProtocolException p) {
                throw p;
            }
            if (c instanceof IllegalArgumentException) {
                throw ProtocolException.badRequest(c.getMessage());
            }
            throw new IllegalStateException(String.valueOf(c.getMessage()), c);
        }
    }

    private static void ok(Context ctx, Object value) {
        ctx.contentType("application/json").result(Json.write(value));
    }

    private void error(Context ctx, int status, String message) {
        metrics.rejected(status);
        ctx.attribute(ERROR_WRITTEN, Boolean.TRUE);
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
        loop.close();
        llama.close();
    }

    @Override
    public void close() {
        closeQuietly();
    }
}
