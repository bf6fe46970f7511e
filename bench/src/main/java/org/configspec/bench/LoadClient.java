package org.configspec.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.configspec.serve.client.HttpVerifierTransport;
import org.configspec.serve.client.VerifierException;
import org.configspec.serve.protocol.SessionRequest;
import org.configspec.serve.protocol.SessionResponse;
import org.configspec.serve.protocol.VerifyRequest;
import org.configspec.serve.protocol.VerifyResponse;

/**
 * One protocol client of the load benchmark, on its own keep-alive connection: until the deadline it creates a
 * greedy session for its prompt, verifies rounds of K drafted tokens taken from the target's own greedy continuation
 * of that prompt (so every round should accept all K and return the next reference token), and deletes the session
 * after {@code tokens} committed tokens. A 429 waits the server's Retry-After (1 s) and repeats the call; any other
 * failure is an error and starts a new session; an answer that differs from the reference is a wrong answer.
 */
final class LoadClient {
    /** What one client saw; {@code latencyMs} holds one entry per answered verify. */
    static final class Tally {
        long verifies;
        long tokens;
        long drafted;
        long accepted;
        long sessions;
        long tooMany;
        long errors;
        long wrong;
        double[] latencyMs = new double[1024];
        /** 429s by the limit their message names (e.g. "--max-queue"). */
        final Map<String, Long> refusedBy = new TreeMap<>();

        void latency(double ms) {
            if (verifies == latencyMs.length) {
                latencyMs = Arrays.copyOf(latencyMs, latencyMs.length * 2);
            }
            latencyMs[(int) verifies] = ms;
        }

        void add(Tally o) {
            double[] l = Arrays.copyOf(latencyMs, (int) (verifies + o.verifies));
            System.arraycopy(o.latencyMs, 0, l, (int) verifies, (int) o.verifies);
            latencyMs = l;
            verifies += o.verifies;
            tokens += o.tokens;
            drafted += o.drafted;
            accepted += o.accepted;
            sessions += o.sessions;
            tooMany += o.tooMany;
            errors += o.errors;
            wrong += o.wrong;
            o.refusedBy.forEach((limit, n) -> refusedBy.merge(limit, n, Long::sum));
        }
    }

    private static final long RETRY_AFTER_MS = 1000;
    /** The flag a 429's message names as the limit that refused it. */
    private static final Pattern LIMIT = Pattern.compile("--[a-z][a-z-]*");

    private final String url;
    private final String text;
    private final int[] reference;
    private final int k;
    private final int tokens;

    /** {@code reference} holds at least {@code tokens + k} tokens of the target's greedy continuation of {@code text}. */
    LoadClient(String url, String text, int[] reference, int k, int tokens) {
        if (reference.length < tokens + k) {
            throw new IllegalArgumentException("reference of " + reference.length + " tokens < tokens + k = " + (tokens + k));
        }
        this.url = url;
        this.text = text;
        this.reference = reference.clone();
        this.k = k;
        this.tokens = tokens;
    }

    Tally runUntil(long deadlineNanos) throws InterruptedException {
        Tally t = new Tally();
        try (HttpVerifierTransport http = new HttpVerifierTransport(url, null, Duration.ofSeconds(30))) {
            while (System.nanoTime() < deadlineNanos) {
                SessionResponse s;
                try {
                    s = http.createSession(new SessionRequest(null, text, null, null, null, null));
                    t.sessions++;
                } catch (VerifierException e) {
                    if (!failed(t, e, deadlineNanos)) {
                        Thread.sleep(50); // an error (server down?): do not spin
                    }
                    continue;
                }
                session(http, s, t, deadlineNanos);
                try {
                    http.deleteSession(s.session());
                } catch (VerifierException e) {
                    failed(t, e, deadlineNanos);
                }
            }
        }
        return t;
    }

    private void session(HttpVerifierTransport http, SessionResponse s, Tally t, long deadlineNanos)
            throws InterruptedException {
        int position = s.position();
        int done = 0;
        while (done < tokens && System.nanoTime() < deadlineNanos) {
            int[] draft = Arrays.copyOfRange(reference, done, done + k);
            long t0 = System.nanoTime();
            VerifyResponse v;
            try {
                v = http.verify(s.session(), new VerifyRequest(position, draft, null));
            } catch (VerifierException e) {
                if (failed(t, e, deadlineNanos)) {
                    continue;
                }
                return;
            }
            t.latency((System.nanoTime() - t0) / 1e6);
            t.verifies++;
            t.drafted += k;
            t.accepted += v.accepted();
            if (v.accepted() != k || v.token() != reference[done + k] || v.position() != position + k + 1) {
                t.wrong++;
                return;
            }
            done += k + 1;
            t.tokens += k + 1;
            position = v.position();
        }
    }

    /** Counts a failure; true when it was a 429 (waited out, repeat the call), false for an error. */
    private static boolean failed(Tally t, VerifierException e, long deadlineNanos) throws InterruptedException {
        if (e.status() == 429) {
            t.tooMany++;
            Matcher m = LIMIT.matcher(String.valueOf(e.getMessage()));
            t.refusedBy.merge(m.find() ? m.group() : "unnamed", 1L, Long::sum);
            Thread.sleep(Math.max(0, Math.min(RETRY_AFTER_MS, (deadlineNanos - System.nanoTime()) / 1_000_000)));
            return true;
        }
        t.errors++;
        return false;
    }
}
