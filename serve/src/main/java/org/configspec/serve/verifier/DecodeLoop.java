package org.configspec.serve.verifier;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.configspec.serve.metrics.VerifierMetrics;
import org.configspec.serve.protocol.ProtocolException;
import org.configspec.serve.protocol.VerifyRequest;
import org.configspec.serve.protocol.VerifyResponse;

/**
 * The single thread that owns the target's {@link VerificationBackend}. Requests queue; the thread takes the first
 * verify and then up to max-batch − 1 more (waiting at most max-wait for them), has the backend score all of them as
 * one group (in-process: ONE llama batch, one KV-cache sequence per session), applies each session's acceptance,
 * keeps each session's backend state at its committed tokens and answers. Session creation (prompt prefill),
 * deletion and idle expiry run on the same thread, so the backend is never called concurrently.
 */
final class DecodeLoop implements AutoCloseable {
    private sealed interface Job permits Create, Verify, Free {
    }

    private record Create(ServerSession session, CompletableFuture<Void> done) implements Job {
    }

    private record Verify(ServerSession session, VerifyRequest request, long arrivedNanos,
                          CompletableFuture<VerifyResponse> done) implements Job {
    }

    private record Free(ServerSession session) implements Job {
    }

    private final VerificationBackend backend;
    private final SessionTable table;
    private final VerifierConfig config;
    private final VerifierMetrics metrics;
    private final BlockingQueue<Job> queue = new LinkedBlockingQueue<>();
    private final ArrayDeque<Verify> carried = new ArrayDeque<>();
    private final Thread thread;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private volatile boolean running = true;
    private long lastExpiryCheck = System.nanoTime();

    DecodeLoop(VerificationBackend backend, SessionTable table, VerifierConfig config, VerifierMetrics metrics) {
        this.backend = backend;
        this.table = table;
        this.config = config;
        this.metrics = metrics;
        this.thread = new Thread(this::run, "configspec-verifier-decode");
        thread.setDaemon(true);
        thread.start();
    }

    CompletableFuture<Void> create(ServerSession s) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        submit(new Create(s, f), f);
        return f;
    }

    CompletableFuture<VerifyResponse> verify(ServerSession s, VerifyRequest r) {
        CompletableFuture<VerifyResponse> f = new CompletableFuture<>();
        submit(new Verify(s, r, System.nanoTime(), f), f);
        return f;
    }

    /**
     * Closes the session and makes its sequence id reusable at once, so that a client that deleted its session may
     * create the next one right away without finding every id still taken. That is safe because the backend state is
     * cleared by a job queued <em>before</em> the id can be handed out again: creates and frees run on this thread in
     * the order they were queued, so the clearing comes before any later session's prefill of the same id.
     */
    void free(ServerSession s) {
        s.closed = true;
        queue.add(new Free(s));
        table.releaseSeq(s.seq);
    }

    private void submit(Job j, CompletableFuture<?> f) {
        if (!running) {
            f.completeExceptionally(new ProtocolException(503, "the verifier is shutting down"));
            return;
        }
        queue.add(j);
    }

    /** Completes once the backend warmed up on this thread ({@link VerificationBackend#warmUp()}), or fails with it. */
    CompletableFuture<Void> ready() {
        return ready;
    }

    private void run() {
        try {
            backend.warmUp();
            ready.complete(null);
        } catch (RuntimeException | Error e) {
            ready.completeExceptionally(e);
            running = false;
        }
        while (running) {
            try {
                step();
            } catch (InterruptedException e) {
                break;
            } catch (RuntimeException | Error e) {
                // never let one bad job stop the loop; the jobs it held were answered by step()
                java.util.logging.Logger.getLogger(DecodeLoop.class.getName()).warning("decode loop: " + e);
            }
        }
        failAll();
    }

    private void step() throws InterruptedException {
        expireIdle();
        Job first = carried.isEmpty() ? queue.poll(200, TimeUnit.MILLISECONDS) : carried.poll();
        if (first == null) {
            return;
        }
        if (!(first instanceof Verify v)) {
            runOther(first);
            return;
        }
        List<Verify> group = new ArrayList<>();
        Set<Integer> seqs = new HashSet<>();
        group.add(v);
        seqs.add(v.session().seq);
        int tokens = v.request().k() + 1;
        long deadline = System.nanoTime() + config.maxWait().toNanos();
        ArrayDeque<Verify> later = new ArrayDeque<>();
        // wait for more only while other open sessions could still send (a lone client never waits)
        int wanted = Math.min(config.maxBatch(), Math.max(1, table.size()));
        while (group.size() < wanted) {
            Job j = carried.poll();
            if (j == null) {
                long left = deadline - System.nanoTime();
                try {
                    j = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : queue.poll();
                } catch (InterruptedException e) {
                    // shutting down: failAll() answers what is carried
                    carried.addAll(group);
                    carried.addAll(later);
                    throw e;
                }
            }
            if (j == null) {
                break;
            }
            if (j instanceof Verify w) {
                int need = w.request().k() + 1;
                if (seqs.contains(w.session().seq) || tokens + need > backend.groupCapacity()) {
                    later.add(w);
                } else {
                    group.add(w);
                    seqs.add(w.session().seq);
                    tokens += need;
                }
            } else {
                runOther(j);
            }
        }
        carried.addAll(later);
        try {
            decodeGroup(group);
        } catch (RuntimeException | Error e) {
            failUnanswered(group, e);
            throw e;
        }
    }

    /**
     * After an unexpected failure while a batch was processed: every verify of it still unanswered gets a 500, and
     * its session is put back to the committed length the client sent (what a retry of the same verify expects),
     * with its KV cache truncated to match. Sessions already answered keep their new state.
     */
    private void failUnanswered(List<Verify> group, Throwable cause) {
        ProtocolException failed = internalError(cause);
        for (Verify v : group) {
            if (v.done().isDone()) {
                continue;
            }
            if (rollBack(v, failed)) {
                try {
                    backend.keep(v.session().seq, v.session().length());
                } catch (RuntimeException | Error e) {
                    // the answer below matters more; a broken session fails its next verify
                    failed.addSuppressed(e);
                }
            }
            v.done().completeExceptionally(failed);
        }
    }

    private static ProtocolException internalError(Throwable cause) {
        return new ProtocolException(500, "internal error while verifying: " + cause);
    }

    /**
     * Puts the session of a failed verify back to the committed length the client sent; false (the failure added to
     * {@code failed}) when that failed too.
     */
    private static boolean rollBack(Verify v, ProtocolException failed) {
        ServerSession s = v.session();
        try {
            if (s.length() > v.request().position()) {
                s.rollback(v.request().position());
            }
            return true;
        } catch (RuntimeException | Error e) {
            failed.addSuppressed(e);
            return false;
        }
    }

    /** Runs a create or free; never throws (a verify group may be waiting around it). */
    private void runOther(Job j) {
        if (j instanceof Create c) {
            try {
                backend.open(c.session().seq, c.session().prompt());
                c.done().complete(null);
            } catch (RuntimeException | Error e) {
                // the waiting handler frees the session (and its sequence id) on any failure
                c.done().completeExceptionally(e);
            }
        } else if (j instanceof Free f) {
            try {
                // the id went back to the table when the free was queued (free(ServerSession))
                backend.release(f.session().seq);
                metrics.sessions(table.size());
            } catch (RuntimeException | Error e) {
                java.util.logging.Logger.getLogger(DecodeLoop.class.getName()).warning("freeing sequence "
                        + f.session().seq + ": " + e);
            }
        }
    }

    private record Prepared(Verify job, int position) {
    }

    private void decodeGroup(List<Verify> group) {
        long start = System.nanoTime();
        List<Prepared> ready = new ArrayList<>();
        List<VerificationBackend.Round> rounds = new ArrayList<>();
        for (Verify v : group) {
            try {
                Prepared p = prepare(v);
                ServerSession s = v.session();
                rounds.add(new VerificationBackend.Round(s.seq, s.committed(), v.request().draft(), s.greedy,
                        s.acceptance.targetTopK()));
                ready.add(p);
            } catch (RuntimeException e) {
                v.done().completeExceptionally(e);
            }
        }
        if (ready.isEmpty()) {
            return;
        }
        List<TargetRows> scored;
        try {
            scored = backend.score(rounds);
        } catch (RuntimeException e) {
            for (Prepared p : ready) {
                backend.keep(p.job().session().seq, p.position());
                p.job().done().completeExceptionally(e);
            }
            return;
        }
        metrics.batch(ready.size());
        // each answer goes out as soon as its session's rows are read, so that the early sessions' answers travel
        // while the later ones are still being accepted; the KV caches are kept in step afterwards (in-process, a
        // truncation invalidates the batch's logits, so no keep before every row was read). The next verify of an
        // answered session queues behind this group, and so behind its keep.
        int[] keepAt = new int[ready.size()];
        for (int j = 0; j < ready.size(); j++) {
            Prepared p = ready.get(j);
            Verify v = p.job();
            ServerSession s = v.session();
            keepAt[j] = p.position();
            Acceptance.Outcome o;
            try {
                VerifyRequest r = v.request();
                o = s.acceptance.accept(r.draft(), r.draftProbs(), scored.get(j), s.randomAt(p.position()));
            } catch (RuntimeException e) {
                v.done().completeExceptionally(e);
                continue;
            }
            try {
                int k = v.request().k();
                s.commit(v.request().draft(), o.accepted(), o.token());
                keepAt[j] = s.length();
                metrics.round(k, o.accepted());
                long now = System.nanoTime();
                metrics.latency(now - v.arrivedNanos());
                s.lastUsedNanos = now;
                v.done().complete(new VerifyResponse(o.accepted(), o.token(), s.length(), new VerifyResponse.Timings(
                        (start - v.arrivedNanos()) / 1e6, (now - start) / 1e6, ready.size())));
            } catch (RuntimeException e) {
                // one session's failure must not leave the others of the batch unanswered; as failUnanswered, but
                // its cache is kept below, with the others (no truncation before every row was read)
                ProtocolException failed = internalError(e);
                rollBack(v, failed);
                keepAt[j] = s.length();
                v.done().completeExceptionally(failed);
            }
        }
        for (int j = 0; j < ready.size(); j++) {
            ServerSession s = ready.get(j).job().session();
            try {
                backend.keep(s.seq, keepAt[j]);
            } catch (RuntimeException | Error e) {
                // answered, but its cache could not follow: the session cannot go on; its next verify gets a 404
                s.closed = true;
                java.util.logging.Logger.getLogger(DecodeLoop.class.getName()).warning("session " + s.id
                        + ": its KV cache could not be kept at " + keepAt[j] + " tokens (" + e + "); closed");
            }
        }
    }

    /** Checks the request against the session and rolls a session that is ahead back. */
    private Prepared prepare(Verify v) {
        ServerSession s = v.session();
        if (s.closed) {
            throw new ProtocolException(404, "unknown session '" + s.id + "' (deleted or expired): create a new one");
        }
        int p = v.request().position();
        int k = v.request().k();
        if (p > s.length()) {
            throw new ProtocolException(409, "position " + p + " is ahead of the session's committed length "
                    + s.length() + ": recreate the session with the full context");
        }
        if (p < s.promptLength) {
            throw new ProtocolException(409, "position " + p + " is before the end of the session's prompt ("
                    + s.promptLength + " tokens)");
        }
        // a round scores positions p - 1 .. p + K - 1; the target's token after them is committed undecoded
        if (p + k > config.contextPerSession()) {
            throw new ProtocolException(409, "context full: position " + p + " + K " + k + " exceeds the "
                    + config.contextPerSession() + " positions of a session (--context)");
        }
        if (p < s.length()) {
            // the client never saw the answer that moved us ahead: forget it and verify again
            s.rollback(p);
            backend.keep(s.seq, p);
        }
        return new Prepared(v, p);
    }

    private void expireIdle() {
        long now = System.nanoTime();
        if (now - lastExpiryCheck < TimeUnit.MILLISECONDS.toNanos(100)) {
            return;
        }
        lastExpiryCheck = now;
        long limit = config.idleTimeout().toNanos();
        for (ServerSession s : table.all()) {
            if (now - s.lastUsedNanos > limit && table.remove(s.id) != null) {
                s.closed = true;
                release(s);
            }
        }
        metrics.sessions(table.size());
    }

    /** Clears the session's backend state, then makes its slot reusable. */
    private void release(ServerSession s) {
        backend.release(s.seq);
        table.releaseSeq(s.seq);
    }

    private void failAll() {
        ProtocolException down = new ProtocolException(503, "the verifier is shutting down");
        List<Job> left = new ArrayList<>(carried);
        queue.drainTo(left);
        for (Job j : left) {
            if (j instanceof Verify v) {
                v.done().completeExceptionally(down);
            } else if (j instanceof Create c) {
                c.done().completeExceptionally(down);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
