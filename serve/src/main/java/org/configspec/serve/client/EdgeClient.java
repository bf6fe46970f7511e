package org.configspec.serve.client;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.llm.engine.ContextOptions;
import org.configspec.llm.engine.LlamaModel;
import org.configspec.llm.engine.LlamaSession;
import org.configspec.llm.engine.SlowedEngine;
import org.configspec.serve.metrics.RoundRecord;
import org.configspec.serve.metrics.RunSummary;
import org.configspec.serve.protocol.SessionRequest;
import org.configspec.serve.protocol.SessionResponse;
import org.configspec.serve.protocol.VerifyRequest;
import org.configspec.serve.protocol.VerifyResponse;

/**
 * Distributed speculative decoding, edge side. Each round drafts K tokens (K from the policy, clipped so that
 * exactly n tokens are committed and the context is not exceeded), sends them with the committed length, commits
 * the accepted prefix and the verifier's token, and rolls its draft cache back. Faults: a network error is retried
 * with exponential back-off (the committed length in every verify makes retries idempotent); a 404 for the session
 * (verifier restarted or expired it) recreates the session with the whole committed context; when the verifier stays
 * unreachable past the fallback deadline, the rest is decoded locally by the draft and a notice says so.
 * One run at a time per instance.
 */
public final class EdgeClient {
    /** The tokens of a run and what it cost. */
    public record Result(int[] prompt, int[] tokens, RunSummary summary) {
        public Result {
            prompt = prompt.clone();
            tokens = tokens.clone();
        }

        @Override
        public int[] tokens() {
            return tokens.clone();
        }

        @Override
        public int[] prompt() {
            return prompt.clone();
        }
    }

    private final LlamaModel draftModel;
    private final VerifierTransport transport;
    private final ClientOptions options;
    private final Consumer<String> notices;

    public EdgeClient(LlamaModel draftModel, VerifierTransport transport, ClientOptions options,
                      Consumer<String> notices) {
        this.draftModel = draftModel;
        this.transport = transport;
        this.options = options;
        this.notices = notices == null ? s -> { } : notices;
    }

    public Result run(int[] prompt, int n, KPolicy policy, CommitListener listener) throws InterruptedException {
        if (prompt.length == 0) {
            throw new ConfigSpecException("the prompt is empty: at least one token is needed");
        }
        if (n < 1) {
            throw new ConfigSpecException("-n = " + n + ": allowed >= 1");
        }
        int ctx = Math.max(1, draftModel.trainContextLength());
        try (LlamaSession llama = draftModel.newSession(ContextOptions.defaults().withThreads(options.threads())
                .withContextSize(ctx).withBatchCapacity(ctx).withCpus(options.cpus()))) {
            return new Run(new Drafter(SlowedEngine.of(llama, options.draftSlowdown()), options), prompt, n, policy,
                    listener).go();
        }
    }

    /** The state of one run. */
    private final class Run {
        private final Drafter drafter;
        private final int[] prompt;
        private final int n;
        private final KPolicy policy;
        private final CommitListener listener;
        private final int[] seq;
        private int length;
        private final int eos = draftModel.eos();
        private String session;
        private int contextLimit;
        private int maxK = Integer.MAX_VALUE;
        private long retries;
        private long recreations;
        private final List<RoundRecord> records = new ArrayList<>();
        /** The session being created while the draft prefills the prompt (first round only), or null. */
        private CompletableFuture<SessionResponse> pending;
        /** With --pipeline: the thread sending verifies while the draft drafts ahead (null until needed). */
        private ExecutorService io;
        /** With --pipeline: the K chosen for the round drafted ahead. */
        private int plannedK;

        Run(Drafter drafter, int[] prompt, int n, KPolicy policy, CommitListener listener) {
            this.drafter = drafter;
            this.prompt = prompt.clone();
            this.n = n;
            this.policy = policy;
            this.listener = listener == null ? t -> { } : listener;
            this.seq = Arrays.copyOf(prompt, prompt.length + n + 1);
            this.length = prompt.length;
            this.contextLimit = drafter.contextLimit();
        }

        Result go() throws InterruptedException {
            try {
                return rounds();
            } finally {
                if (io != null) {
                    io.shutdownNow();
                }
            }
        }

        private Result rounds() throws InterruptedException {
            long start = System.nanoTime();
            long sent0 = transport.bytesSent();
            long received0 = transport.bytesReceived();
            int fallback = 0;
            boolean ended = false;
            boolean local = false;
            createEarly();
            Drafter.Ahead carried = null;
            // up to context + 1 tokens: the last one is chosen after the last position and never decoded (as generate)
            while (!ended && generated() < n && length <= Math.min(contextLimit, drafter.contextLimit())) {
                if (!local) {
                    int room = Math.min(contextLimit, drafter.contextLimit()) - length;
                    long t0 = System.nanoTime();
                    int k;
                    Drafter.Draft d;
                    int aheadTokens = 0;
                    if (carried != null) {
                        k = clip(plannedK, room, generated());
                        d = drafter.resume(seq, length, carried.tokens(), k);
                        aheadTokens = Math.min(k, carried.tokens().length);
                    } else {
                        k = clip(policy.nextK(), room, generated());
                        d = drafter.draft(seq, length, k);
                    }
                    carried = null;
                    long t1 = System.nanoTime();
                    long s0 = transport.bytesSent();
                    long r0 = transport.bytesReceived();
                    VerifyRequest request = new VerifyRequest(length, d.tokens(), d.distributions());
                    Drafter.Ahead ahead = null;
                    double aheadSeconds = 0;
                    VerifyResponse v;
                    if (options.pipeline() && k > 0) {
                        Future<VerifyResponse> answer = io().submit(() -> verifyWithRetry(request));
                        // the next round's K as if this round commits all k drafted tokens and the verifier's one
                        plannedK = clip(policy.nextK(), room - k - 1, generated() + k + 1);
                        long a0 = System.nanoTime();
                        ahead = drafter.ahead(length, d.tokens(), plannedK, answer::isDone);
                        aheadSeconds = (System.nanoTime() - a0) / 1e9;
                        v = take(answer);
                    } else {
                        v = verifyWithRetry(request);
                    }
                    long t2 = System.nanoTime();
                    if (v == null) {
                        local = true;
                        notices.accept("verifier unreachable for " + options.fallbackAfter().toMillis()
                                + " ms: decoding the rest locally with the draft model");
                        drafter.keep(length);
                        forgetSession();
                        continue;
                    }
                    if (v.position() != length + v.accepted() + 1 || v.accepted() > k) {
                        throw new ConfigSpecException("the verifier answered position " + v.position() + " with "
                                + v.accepted() + " accepted for committed length " + length + " and K " + k);
                    }
                    int[] draft = d.tokens();
                    int before = length;
                    for (int i = 0; i < v.accepted() && !ended; i++) {
                        ended = commit(draft[i]);
                    }
                    if (!ended) {
                        ended = commit(v.token());
                    }
                    if (ahead != null && !ended && v.accepted() == k && v.token() == ahead.bonus()) {
                        carried = ahead; // the draft cache already holds the committed tokens and the ahead ones
                    } else {
                        drafter.keep(Math.min(length, before + v.accepted()));
                    }
                    double verifierSeconds = (v.timings().queueMs() + v.timings().decodeMs()) / 1e3;
                    records.add(new RoundRecord(k, v.accepted(), length - before, (t1 - t0) / 1e9, (t2 - t1) / 1e9,
                            transport.bytesSent() - s0, transport.bytesReceived() - r0, v.timings().batchSize(),
                            verifierSeconds, aheadTokens, aheadSeconds));
                    policy.observe(new KPolicy.Observation(k, v.accepted(), (t1 - t0) / 1e9, (t2 - t1) / 1e9,
                            verifierSeconds));
                } else {
                    ended = commit(drafter.next(seq, length));
                    fallback++;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (pending != null) {
                // no round was verified (the prompt filled the context): the early session still has to go
                try {
                    session = takePending().session();
                } catch (VerifierException | RuntimeException e) {
                    // never created
                }
            }
            if (session != null) {
                try {
                    transport.deleteSession(session);
                } catch (VerifierException e) {
                    // the session expires on its own
                }
            }
            int[] out = Arrays.copyOfRange(seq, prompt.length, length);
            return new Result(prompt, out, new RunSummary(records, records.size(), out.length, fallback, seconds,
                    retries, recreations, transport.bytesSent() - sent0, transport.bytesReceived() - received0));
        }

        /**
         * Starts creating the session on a thread of its own, so that the verifier's prompt prefill and the round trip
         * overlap the draft's prefill and first K drafted tokens (llama-speculative prefills both models before it
         * drafts; here they are on different machines and can work at once). The first verify takes its result.
         */
        private void createEarly() {
            SessionRequest request = newSession();
            CompletableFuture<SessionResponse> f = new CompletableFuture<>();
            Thread t = new Thread(() -> {
                try {
                    f.complete(transport.createSession(request));
                } catch (VerifierException | RuntimeException e) {
                    f.completeExceptionally(e);
                }
            }, "configspec-create-session");
            t.setDaemon(true);
            t.start();
            pending = f;
        }

        /** The session started by {@link #createEarly()}; its failure is thrown as if the call had been made here. */
        private SessionResponse takePending() throws VerifierException, InterruptedException {
            CompletableFuture<SessionResponse> f = pending;
            pending = null;
            try {
                return f.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof VerifierException v) {
                    throw v;
                }
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(e.getCause());
            }
        }

        /**
         * Falling back: the server may still hold the session (it answered 429 or 5xx, or comes back), so it is
         * deleted, on a thread of its own so that an unreachable server does not hold up local decoding.
         */
        private void forgetSession() {
            String id = session;
            session = null;
            if (id == null) {
                return;
            }
            Thread t = new Thread(() -> {
                try {
                    transport.deleteSession(id);
                } catch (VerifierException | RuntimeException e) {
                    // unreachable after all: the session expires on the server's idle timeout
                }
            }, "configspec-forget-session");
            t.setDaemon(true);
            t.start();
        }

        private int generated() {
            return length - prompt.length;
        }

        /** K for a round: the policy's choice within the verifier's max K, the tokens still wanted and the room left. */
        private int clip(int chosen, int room, int generated) {
            return Math.max(0, Math.min(Math.min(chosen, maxK), Math.min(n - 1 - generated, room)));
        }

        /** The thread that sends a pipelined round's verify while this one drafts ahead (made on first use). */
        private ExecutorService io() {
            if (io == null) {
                io = Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "configspec-verify");
                    t.setDaemon(true);
                    return t;
                });
            }
            return io;
        }

        /** A pipelined verify's answer; its failure is thrown as if the call had been made here. */
        private VerifyResponse take(Future<VerifyResponse> answer) throws InterruptedException {
            try {
                return answer.get();
            } catch (InterruptedException e) {
                answer.cancel(true);
                throw e;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof InterruptedException i) {
                    throw i;
                }
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(e.getCause());
            }
        }

        /** Commits one token; true when it ends the run (end of sequence or n reached). */
        private boolean commit(int token) {
            seq[length++] = token;
            listener.committed(token);
            return token == eos || generated() >= n;
        }

        /** The verify answer, or null when the verifier stayed unreachable past the fallback deadline. */
        private VerifyResponse verifyWithRetry(VerifyRequest request) throws InterruptedException {
            long deadline = System.nanoTime() + options.fallbackAfter().toNanos();
            long pause = Math.max(1, options.retryStart().toMillis());
            int recreatesInARow = 0;
            while (true) {
                try {
                    if (session == null) {
                        SessionResponse s = pending != null ? takePending() : transport.createSession(newSession());
                        session = s.session();
                        contextLimit = s.contextLimit();
                        maxK = s.maxK();
                        if (request.k() > maxK) {
                            throw new ConfigSpecException("K = " + request.k() + " exceeds the verifier's max K "
                                    + maxK + " (its --max-k)");
                        }
                    }
                    return transport.verify(session, request);
                } catch (VerifierException e) {
                    switch (e.kind()) {
                        case UNKNOWN_SESSION -> {
                            session = null;
                            recreations++;
                            if (++recreatesInARow > 3) {
                                throw new ConfigSpecException("the verifier keeps forgetting the session: "
                                        + e.getMessage());
                            }
                            continue;
                        }
                        case REJECTED -> throw new ConfigSpecException(e.getMessage());
                        default -> {
                            if (System.nanoTime() > deadline) {
                                return null;
                            }
                            retries++;
                            Thread.sleep(pause);
                            pause = Math.min(pause * 2, Math.max(1, options.retryMax().toMillis()));
                        }
                    }
                }
            }
        }

        private SessionRequest newSession() {
            int[] context = Arrays.copyOf(seq, length);
            return options.greedy() ? SessionRequest.greedy(context)
                    : SessionRequest.sampling(context, options.temperature(), 0, 1, options.seed());
        }
    }
}
