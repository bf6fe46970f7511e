package org.configspec.profile.verify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.core.model.VerifyTimeFit;
import org.configspec.core.stats.Median;
import org.configspec.llm.remote.Capabilities;
import org.configspec.llm.remote.RemoteTarget;
import org.configspec.profile.timing.NanoClock;

/**
 * Times, from this device, the request a verifier on a serving engine sends per round (serve's EngineBackend,
 * serve/src/main/java/org/configspec/serve/backend/EngineBackend.java): the committed context c followed by K drafted
 * ids and one more, scored teacher-forced at positions |c| .. |c| + K with the top-1 listing
 * ({@link RemoteTarget#score}; on llama-server K + 1 one-token {@code /completion} requests with
 * {@code cache_prompt}, vLLM one {@code prompt_logprobs} request, SGLang one {@code /generate} with
 * {@code logprob_start_len}). Every (K, context) pair is timed once per repetition: the contexts in a fresh seeded
 * order, each after {@code warmup} (at least one) untimed requests that make the engine cache it again (as it holds a
 * session's context between rounds), then every K in a fresh seeded order (interleaved, so drift spreads over every
 * K). The drafted ids differ in every request, so the cache holds the context but never the draft. The round trip
 * is timed apart with requests that do no target work ({@code /tokenize} of one word). Not thread-safe.
 */
public final class VerifyTimeProbe {
    /**
     * @param contexts    context lengths to time [tokens], each ≥ 1
     * @param kMax        K is timed at 0..kMax
     * @param repetitions timed repetitions of every (K, context)
     * @param warmup      untimed requests before each context's timed block (at least one is sent)
     * @param seed        the order of the pairs and the drafted ids
     */
    public record Settings(List<Integer> contexts, int kMax, int repetitions, int warmup, long seed) {
        public Settings {
            contexts = List.copyOf(contexts);
            if (contexts.isEmpty() || contexts.stream().anyMatch(c -> c < 1 || c > 1 << 20)) {
                throw new ConfigSpecException("--contexts = " + contexts + ": allowed one or more lengths 1..1048576");
            }
            if (kMax < 1 || kMax > 64) {
                throw new ConfigSpecException("--k-max = " + kMax + ": allowed 1..64");
            }
            if (repetitions < 1 || warmup < 0) {
                throw new ConfigSpecException("--repetitions = " + repetitions + ", warm-up " + warmup
                        + ": allowed at least 1 repetition and a warm-up >= 0");
            }
        }
    }

    /**
     * What was measured.
     *
     * @param rttS     median of the round-trip requests [s]
     * @param rttN     round-trip requests timed
     * @param samples  every timed verification-shaped request
     * @param fit      the least-squares fit over the median of each (K, context) (with the context term when several
     *                 contexts were timed)
     * @param request  what one verification-shaped request was
     */
    public record Result(double rttS, int rttN, List<VerifyTimeFit.Sample> samples, VerifyTimeFit fit,
                         String request) {
        public Result {
            samples = List.copyOf(samples);
        }

        /** Median measured time per (K, context) and the fit's residual there, K-major per context. */
        public List<double[]> medians(Settings s) {
            List<double[]> out = new ArrayList<>();
            for (int c : s.contexts()) {
                for (int k = 0; k <= s.kMax(); k++) {
                    int kk = k;
                    double m = Median.of(samples.stream().filter(x -> x.k() == kk && x.context() == c)
                            .mapToDouble(VerifyTimeFit.Sample::seconds).toArray());
                    out.add(new double[] {c, k, m, m - fit.predict(k, c)});
                }
            }
            return out;
        }
    }

    private final RemoteTarget target;
    private final NanoClock clock;

    public VerifyTimeProbe(RemoteTarget target, NanoClock clock) {
        this.target = target;
        this.clock = clock;
    }

    /** @param progress told "i/n" before each timed request */
    public Result run(Settings s, Consumer<String> progress) {
        if (target.capabilities().promptScoring() == Capabilities.PromptScoring.NONE) {
            throw new ConfigSpecException(target.identity() + ": scores no given ids (no prompt log-probabilities), so"
                    + " it cannot verify drafts; allowed: llama-server, vLLM, SGLang or a completions API with echo");
        }
        int maxContext = Collections.max(s.contexts());
        int[] text = contextIds(maxContext + s.kMax() + 1);
        int[] vocabulary = Arrays.stream(text).distinct().toArray();
        Random random = new Random(s.seed());
        double[] rtt = new double[Math.max(5, s.repetitions())];
        for (int i = 0; i < rtt.length; i++) {
            long t0 = clock.nanoTime();
            target.tokenize("a");
            rtt[i] = (clock.nanoTime() - t0) / 1e9;
        }
        List<Integer> contexts = new ArrayList<>(s.contexts());
        List<Integer> ks = new ArrayList<>();
        for (int k = 0; k <= s.kMax(); k++) {
            ks.add(k);
        }
        List<VerifyTimeFit.Sample> samples = new ArrayList<>();
        int total = contexts.size() * ks.size() * s.repetitions();
        for (int rep = 0; rep < s.repetitions(); rep++) {
            Collections.shuffle(contexts, random);
            for (int c : contexts) {
                // untimed: the engine caches this context again, as it holds a session's context between rounds
                for (int w = 0; w < Math.max(1, s.warmup()); w++) {
                    target.score(request(text, c, s.kMax(), vocabulary, random), c, 1);
                }
                Collections.shuffle(ks, random);
                for (int k : ks) {
                    progress.accept((samples.size() + 1) + "/" + total);
                    int[] ids = request(text, c, k, vocabulary, random);
                    long t0 = clock.nanoTime();
                    target.score(ids, c, 1);
                    samples.add(new VerifyTimeFit.Sample(k, c, (clock.nanoTime() - t0) / 1e9));
                }
            }
        }
        VerifyTimeFit fit = VerifyTimeFit.fit(medians(samples), s.contexts().size() > 1);
        return new Result(Median.of(rtt), rtt.length, samples, fit, describe());
    }

    /**
     * One sample per (K, context): the median of its repetitions. The fit runs over these, so that the load spikes of
     * a shared machine (a heavy right tail) do not pull it up as they would pull a fit over every request.
     */
    static List<VerifyTimeFit.Sample> medians(List<VerifyTimeFit.Sample> samples) {
        java.util.Map<List<Integer>, List<Double>> by = new java.util.LinkedHashMap<>();
        for (VerifyTimeFit.Sample x : samples) {
            by.computeIfAbsent(List.of(x.k(), x.context()), key -> new ArrayList<>()).add(x.seconds());
        }
        List<VerifyTimeFit.Sample> out = new ArrayList<>();
        by.forEach((key, v) -> out.add(new VerifyTimeFit.Sample(key.get(0), key.get(1),
                Median.of(v.stream().mapToDouble(Double::doubleValue).toArray()))));
        return out;
    }

    /** The context's ids, then K drafted ids and one more drawn from the context's ids (new ones every call). */
    static int[] request(int[] text, int context, int k, int[] vocabulary, Random random) {
        int[] ids = Arrays.copyOf(text, context + k + 1);
        for (int i = context; i < ids.length; i++) {
            ids[i] = vocabulary[random.nextInt(vocabulary.length)];
        }
        return ids;
    }

    /** At least {@code n} ids of ordinary text, tokenized by the server (so they are the target's own ids). */
    private int[] contextIds(int n) {
        String passage = "Once upon a time, there was a little girl named Lily. She loved to play outside in the "
                + "sunshine. One day, she saw a big, red ball in the park. She ran to get it, and her friend Tom came"
                + " to play with her. They laughed and played until the sun went down. ";
        StringBuilder b = new StringBuilder(passage);
        int[] ids = target.tokenize(b.toString());
        while (ids.length < n) {
            b.append(passage);
            ids = target.tokenize(b.toString());
        }
        return Arrays.copyOf(ids, n);
    }

    private String describe() {
        return switch (target.capabilities().promptScoring()) {
            case PER_POSITION -> target.identity().api().cliName() + ": K + 1 sequential one-token requests with the "
                    + "context cached (no prompt log-probabilities), top-1";
            case ONE_REQUEST -> target.identity().api().cliName() + ": one teacher-forced request over context + K + 1"
                    + " ids, top-1";
            case NONE -> "none";
        };
    }
}
