package org.configspec.serve.backend;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.configspec.llm.engine.Tokenizer;
import org.configspec.llm.remote.Capabilities;
import org.configspec.llm.remote.PositionTop;
import org.configspec.llm.remote.PromptScores;
import org.configspec.llm.remote.RemoteTarget;
import org.configspec.llm.remote.RemoteTargetException;
import org.configspec.llm.remote.RemoteTargetException.Reason;
import org.configspec.llm.remote.TargetApi;
import org.configspec.serve.metrics.VerifierMetrics;
import org.configspec.serve.protocol.ProtocolException;
import org.configspec.serve.verifier.TargetRows;
import org.configspec.serve.verifier.VerificationBackend;

/**
 * The target on a serving engine ({@link RemoteTarget}): each round is scored teacher-forced — rows at positions
 * p .. p + K of the committed tokens followed by the K drafted ones ({@link RemoteTarget#score} from p, and the
 * distribution after the sequence, {@code PromptScores.next}). What a round costs depends on the API: SGLang, vLLM
 * and OpenAI echo answer in one request; llama-server returns no prompt log-probabilities, so each row is one
 * {@code /completion} of {@code n_predict 1} with {@code cache_prompt} — greedy asks rows in pairs and stops at the
 * first mismatch (L + 1 or L + 2 requests for L accepted), sampling asks all K + 1. The rounds of one
 * group go to the engine concurrently (its own continuous batching may join them); sessions, positions, acceptance
 * and metrics stay in the verifier, and the engine keeps no state of ours.
 * <p>Greedy is exact from the top-1. Sampling reads the top-N listing (N = the session's target top-k when it is in
 * 1..{@code maxTopN}, else {@code topN}): exact where the listing holds the whole sampled support (the session's
 * top-k ≤ N, or no unlisted mass), otherwise the target distribution is the listing renormalised, off by at most the
 * unlisted mass in total variation at temperature 1; such rows are counted
 * [configspec_backend_truncated_rows_total] with their unlisted mass [configspec_backend_unlisted_mass].
 */
public final class EngineBackend implements VerificationBackend {
    /**
     * The longest one engine request of a round may take (a shorter endpoint timeout is kept): the verifier answers a
     * verify within 60 s, and the decode thread must not wait on a silent engine much longer.
     */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** The top-N of sampling rows unless asked otherwise: vLLM's default --max-logprobs. */
    public static final int DEFAULT_TOP_N = 20;

    private final RemoteTarget target;
    private final int vocab;
    private final int topN;
    private final int maxTopN;
    private final int capacity;
    private final ExecutorService pool;
    private final boolean perPosition;
    private Counter requests;
    private Counter truncatedRows;
    private DistributionSummary unlistedMass;
    private Timer roundTime;

    /**
     * @param vocab    the target's vocabulary size (of the tokenizer the verifier checks ids with)
     * @param topN     rows a sampling session reads when its top-k is off or larger than the engine allows; 0 for
     *                 {@value #DEFAULT_TOP_N} or the API's cap if lower
     * @param maxBatch most rounds of one group, sent concurrently
     */
    public EngineBackend(RemoteTarget target, int vocab, int topN, int maxBatch, int maxK) {
        Capabilities c = target.capabilities();
        if (topN == 0) {
            topN = Math.min(DEFAULT_TOP_N, c.maxTopN());
        }
        if (c.promptScoring() == Capabilities.PromptScoring.NONE) {
            throw new RemoteTargetException(Reason.UNSUPPORTED, "--backend " + target.identity() + ": the API returns"
                    + " no prompt log-probabilities, so it cannot verify drafts; allowed: llama-server, vllm, sglang,"
                    + " or an OpenAI-compatible server with echo + logprobs");
        }
        if (topN < 1 || topN > c.maxTopN()) {
            throw new RemoteTargetException(Reason.CAPPED, "--backend-top-n = " + topN + ": allowed 1.."
                    + (c.maxTopN() == Capabilities.UNCAPPED ? "1000" : c.maxTopN()) + " on " + target.identity().api());
        }
        this.target = target;
        this.vocab = vocab;
        this.topN = topN;
        this.maxTopN = Math.min(c.maxTopN(), 1000);
        this.capacity = maxBatch * (maxK + 1);
        this.perPosition = c.promptScoring() == Capabilities.PromptScoring.PER_POSITION;
        this.pool = Executors.newFixedThreadPool(maxBatch, r -> {
            Thread t = new Thread(r, "configspec-backend");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public String describe() {
        String cost = perPosition
                ? "per-position fallback (" + target.identity().api() + " returns no prompt log-probabilities): one"
                + " request of n_predict 1 with cache_prompt per scored row, sequential; greedy stops at the first"
                + " mismatch (L + 1 or L + 2 requests for L accepted), sampling asks all K + 1; correct, without"
                + " batching gain"
                : target.identity().api() == TargetApi.VLLM
                ? "one prompt_logprobs request per round; vLLM skips its prefix cache for them, so every round"
                + " re-prefills the whole context"
                : "one request per round scoring the K + 1 rows" + (target.identity().api() == TargetApi.SGLANG
                ? " (logprob_start_len = position - 1: the prefix is reused from the radix cache)" : "");
        return target.identity() + ": " + cost + ". Greedy is exact from the top-1; sampling reads the top-"
                + topN + " rows (or the session's top-k up to " + maxTopN + "), exact when they hold the whole"
                + " sampled support, otherwise the listing renormalised (counted in"
                + " configspec_backend_truncated_rows_total)";
    }

    @Override
    public void bind(VerifierMetrics metrics) {
        MeterRegistry r = metrics.registry();
        requests = Counter.builder("configspec.backend.requests").description("requests sent to the serving engine")
                .register(r);
        truncatedRows = Counter.builder("configspec.backend.truncated.rows")
                .description("rows of sampling sessions whose top-N listing missed part of the sampled support"
                        + " (approximated: the listing renormalised)").register(r);
        unlistedMass = DistributionSummary.builder("configspec.backend.unlisted.mass")
                .description("probability mass outside the listing, per truncated row").register(r);
        roundTime = Timer.builder("configspec.backend.round").description("engine time of one verify round")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10)).register(r);
    }

    @Override
    public int groupCapacity() {
        return capacity;
    }

    @Override
    public void open(int slot, int[] prompt) {
        // the engine keeps no state of ours
    }

    @Override
    public List<TargetRows> score(List<Round> rounds) {
        List<Future<ListingRows>> pending = new ArrayList<>(rounds.size());
        for (Round r : rounds) {
            pending.add(pool.submit(() -> scoreRound(r)));
        }
        List<TargetRows> out = new ArrayList<>(rounds.size());
        for (Future<ListingRows> f : pending) {
            try {
                out.add(f.get());
            } catch (ExecutionException e) {
                out.add(failed(e.getCause()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                out.add(failed(e));
            }
        }
        return out;
    }

    /** Rows of one round; the number of requests depends on the API (see the class comment). */
    ListingRows scoreRound(Round r) {
        long start = System.nanoTime();
        int p = r.position();
        int k = r.draft().length;
        int[] ids = Arrays.copyOf(r.committed(), p + k);
        System.arraycopy(r.draft(), 0, ids, p, k);
        int n = r.greedy() ? 1 : r.topK() >= 1 && r.topK() <= maxTopN ? r.topK() : topN;
        List<PositionTop> rows = perPosition && r.greedy() ? untilMismatch(ids, p, r.draft(), n) : all(ids, p, n);
        if (rows.isEmpty() || (!perPosition || !r.greedy()) && rows.size() != k + 1) {
            throw new ProtocolException(502, "the backend scored " + rows.size() + " rows for a round of K = " + k
                    + "; expected " + (k + 1));
        }
        if (!r.greedy()) {
            for (PositionTop row : rows) {
                boolean wholeSupport = r.topK() >= 1 && r.topK() <= row.top().size();
                double mass = row.unlistedMass();
                if (!wholeSupport && mass > 0) {
                    count(truncatedRows, 1);
                    if (unlistedMass != null) {
                        unlistedMass.record(mass);
                    }
                }
            }
        }
        if (roundTime != null) {
            roundTime.record(Duration.ofNanos(System.nanoTime() - start));
        }
        return new ListingRows(rows, vocab);
    }

    /**
     * Rows p .. p + K of {@code ids} = committed ‖ draft (K = ids.length − p): the scores from p and the distribution
     * after the whole sequence. With K = 0 the scores start one position earlier (a score needs a scored position).
     */
    private List<PositionTop> all(int[] ids, int p, int n) {
        int from = Math.min(p, ids.length - 1);
        if (from < 1) {
            return List.of(next(ids, n));
        }
        PromptScores s = call(ids, from, n);
        List<PositionTop> rows = new ArrayList<>(s.rows().subList(p - from, s.rows().size()));
        rows.add(s.next());
        return rows;
    }

    /**
     * Greedy on a per-position API: rows in pairs (a scored position and the distribution after it, two requests),
     * stopping at the first row whose top-1 is not the drafted token: L + 1 or L + 2 requests for L accepted.
     */
    private List<PositionTop> untilMismatch(int[] ids, int p, int[] draft, int n) {
        int k = draft.length;
        List<PositionTop> rows = new ArrayList<>(k + 1);
        while (true) {
            int j = rows.size();
            int end = p + Math.min(j + 1, k);
            if (end - 1 < 1) {
                rows.add(next(Arrays.copyOf(ids, end), n));
            } else {
                PromptScores s = call(Arrays.copyOf(ids, end), end - 1, n);
                if (j < k) {
                    rows.add(s.rows().get(0));
                    if (rows.get(j).argmax() != draft[j]) {
                        return rows;
                    }
                }
                rows.add(s.next());
            }
            int last = rows.size() - 1;
            if (last == k || rows.get(last).argmax() != draft[last]) {
                return rows;
            }
        }
    }

    /** The distribution after {@code ids} alone (a one-token sequence has no position to score): one generation. */
    private PositionTop next(int[] ids, int n) {
        try {
            count(requests, 1);
            return target.generate(ids, 1, n, 0).rows().get(0);
        } catch (RemoteTargetException e) {
            throw unavailable(e);
        }
    }

    private PromptScores call(int[] ids, int from, int n) {
        try {
            PromptScores s = target.score(ids, from, n);
            count(requests, s.requests());
            return s;
        } catch (RemoteTargetException e) {
            count(requests, 1);
            throw unavailable(e);
        }
    }

    /** 503 when the engine did not answer (the client retries), 502 for any other failure of the engine. */
    private static ProtocolException unavailable(RemoteTargetException e) {
        boolean down = e.reason() == Reason.DOWN || e.reason() == Reason.TIMEOUT || e.reason() == Reason.SERVER_ERROR;
        return new ProtocolException(down ? 503 : 502, "the backend failed: " + e.getMessage());
    }

    private static void count(Counter c, double n) {
        if (c != null) {
            c.increment(n);
        }
    }

    /** Rows that answer the round's verify with the failure (the other rounds of the group go on). */
    private static TargetRows failed(Throwable cause) {
        RuntimeException e = cause instanceof ProtocolException pe ? pe
                : new ProtocolException(502, "the backend failed: " + cause);
        return new TargetRows() {
            @Override
            public int argmax(int i) {
                throw e;
            }

            @Override
            public float[] logits(int i) {
                throw e;
            }
        };
    }

    /**
     * Opens the engine at {@code endpoint}, checks that it tokenises as {@code tokenizer} (the target's vocabulary)
     * does, and returns a backend on it; one line (a {@link RemoteTargetException}) when it is down, of another kind,
     * serves another model or tokenises differently.
     */
    public static EngineBackend open(org.configspec.llm.remote.Endpoint endpoint, Tokenizer tokenizer, int topN,
                                     int maxBatch, int maxK) {
        RemoteTarget t = org.configspec.llm.remote.RemoteTargets.open(endpoint.timeout().compareTo(REQUEST_TIMEOUT) > 0
                ? endpoint.withTimeout(REQUEST_TIMEOUT) : endpoint);
        try {
            checkTokenizer(t, tokenizer, "Once upon a time");
            return new EngineBackend(t, tokenizer.vocabSize(), topN, maxBatch, maxK);
        } catch (RuntimeException e) {
            t.close();
            throw e;
        }
    }

    /**
     * Checks that the engine tokenises {@code text} as the verifier's tokenizer does (the drafts and the engine must
     * share token ids); one line on mismatch. APIs without a tokenize endpoint are not checked.
     */
    public static void checkTokenizer(RemoteTarget target, Tokenizer local, String text) {
        if (!target.capabilities().tokenize()) {
            return;
        }
        int[] remote = target.tokenize(text);
        int[] mine = local.tokenize(text, true);
        if (!Arrays.equals(remote, mine)) {
            throw new RemoteTargetException(Reason.TOKENIZER_MISMATCH, "--backend " + target.identity() + ": its"
                    + " tokenizer gives " + Arrays.toString(remote) + " for \"" + text + "\", --model's gives "
                    + Arrays.toString(mine) + "; the engine must serve the target whose vocabulary --model holds");
        }
    }

    @Override
    public void keep(int slot, int length) {
        // stateless
    }

    @Override
    public void release(int slot) {
        // stateless
    }

    @Override
    public void close() {
        pool.shutdownNow();
        target.close();
    }
}
