package org.configspec.serve.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.configspec.llm.NeedsLlama;
import org.configspec.llm.engine.ContextOptions;
import org.configspec.llm.engine.LlamaModel;
import org.configspec.llm.engine.LlamaSession;
import org.configspec.llm.engine.TokenBatch;
import org.configspec.llm.sampling.Distribution;
import org.configspec.llm.sampling.Sampler;
import org.configspec.llm.sampling.SamplingParams;
import org.configspec.serve.ServeFixture;
import org.configspec.serve.client.VerifierTransport;
import org.configspec.serve.protocol.SessionRequest;
import org.configspec.serve.protocol.SparseDistribution;
import org.configspec.serve.protocol.VerifyRequest;
import org.configspec.serve.protocol.VerifyResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Real weights over real HTTP: many seeded sampling sessions, each verifying one token drafted by the 4-layer draft;
 * the first committed token must follow the target's own distribution (chi-square over the likely tokens, the rest
 * pooled), which differs clearly from the draft's.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
@NeedsLlama
class SamplingEndToEndTest {
    private static final double T = 1.0;
    private static final int TRIALS = 480;

    @Test
    void firstSampledTokenFollowsTheTargetDistribution() throws Exception {
        int[] prompt = ServeFixture.tokens("Once upon a time, there was a little");
        Distribution p = new Sampler(new SamplingParams(T, 0, 1, 0)).distribution(lastLogits(ServeFixture.target(),
                prompt));
        Distribution q = new Sampler(new SamplingParams(T, 40, 1, 0)).distribution(
                lastLogits(ServeFixture.model(ServeFixture.L4), prompt));
        SparseDistribution sparseQ = sparse(q);
        long[] counts = new long[p.size()];
        int accepted = 0;
        try (VerifierServer server = VerifierServer.start(ServeFixture.verifierConfig().withBatching(8,
                Duration.ofMillis(5)), ServeFixture.target())) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<int[]>> outcomes = new ArrayList<>();
                for (int w = 0; w < 4; w++) {
                    int worker = w;
                    outcomes.add(pool.submit(() -> {
                        int[] firstTokens = new int[TRIALS / 4 * 2];
                        try (VerifierTransport t = ServeFixture.transport(server.url())) {
                            for (int i = 0; i < TRIALS / 4; i++) {
                                long seed = worker * 100_000L + i;
                                int d = q.sample(new SplittableRandom(seed).nextDouble());
                                String id = t.createSession(SessionRequest.sampling(prompt, T, 0, 1, seed)).session();
                                VerifyResponse v = t.verify(id, new VerifyRequest(prompt.length, new int[] {d},
                                        List.of(sparseQ)));
                                t.deleteSession(id);
                                firstTokens[2 * i] = v.accepted() == 1 ? d : v.token();
                                firstTokens[2 * i + 1] = v.accepted();
                            }
                        }
                        return firstTokens;
                    }));
                }
                for (Future<int[]> f : outcomes) {
                    int[] r = f.get(170, TimeUnit.SECONDS);
                    for (int i = 0; i < r.length; i += 2) {
                        counts[r[i]]++;
                        accepted += r[i + 1];
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }
        double chi2p = chiSquare(counts, TRIALS, p);
        double chi2q = chiSquare(counts, TRIALS, q);
        System.out.printf("sampling: %d trials, draft acceptance %.3f, TV(empirical, target) %.3f, TV(empirical,"
                        + " draft) %.3f, TV(target, draft) %.3f, chi2 vs target %.1f, vs draft %.1f%n", TRIALS,
                (double) accepted / TRIALS, RejectionSamplingTest.totalVariation(counts, TRIALS, p::probability),
                RejectionSamplingTest.totalVariation(counts, TRIALS, q::probability), tv(p, q), chi2p, chi2q);
        // df <= 8 (at most 8 pooled categories); P(chi2_8 > 30) ~ 2e-4
        assertThat(chi2p).isLessThan(30);
        assertThat(chi2q).as("the draft's own distribution is rejected").isGreaterThan(chi2p);
        assertThat(accepted).isLessThan(TRIALS);
    }

    /** Chi-square over the tokens with expected count >= 10 under {@code ref} (at most 7), the rest pooled. */
    private static double chiSquare(long[] counts, int n, Distribution ref) {
        List<Integer> cats = new ArrayList<>();
        for (int t = 0; t < ref.size(); t++) {
            if (ref.probability(t) * n >= 10) {
                cats.add(t);
            }
        }
        cats.sort((a, b) -> Double.compare(ref.probability(b), ref.probability(a)));
        if (cats.size() > 7) {
            cats = cats.subList(0, 7);
        }
        double chi2 = 0;
        double restP = 1;
        long restC = n;
        for (int t : cats) {
            double e = ref.probability(t) * n;
            chi2 += (counts[t] - e) * (counts[t] - e) / e;
            restP -= ref.probability(t);
            restC -= counts[t];
        }
        double e = Math.max(restP, 1e-9) * n;
        chi2 += (restC - e) * (restC - e) / e;
        return chi2;
    }

    private static double tv(Distribution a, Distribution b) {
        double s = 0;
        for (int t = 0; t < a.size(); t++) {
            s += Math.abs(a.probability(t) - b.probability(t));
        }
        return s / 2;
    }

    private static float[] lastLogits(LlamaModel m, int[] prompt) {
        try (LlamaSession s = m.newSession(ContextOptions.defaults().withThreads(1).withContextSize(64)
                .withBatchCapacity(64).exact())) {
            s.decode(TokenBatch.of(prompt, 0, 0, false));
            return s.logits(prompt.length - 1);
        }
    }

    private static SparseDistribution sparse(Distribution d) {
        List<Integer> ids = new ArrayList<>();
        for (int t = 0; t < d.size(); t++) {
            if (d.probability(t) > 0) {
                ids.add(t);
            }
        }
        int[] a = ids.stream().mapToInt(Integer::intValue).toArray();
        float[] pr = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            pr[i] = (float) d.probability(a[i]);
        }
        return new SparseDistribution(a, pr);
    }
}
