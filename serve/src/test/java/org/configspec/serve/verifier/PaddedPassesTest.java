package org.configspec.serve.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.configspec.llm.NeedsLlama;
import org.configspec.llm.sampling.Sampler;
import org.configspec.serve.ServeFixture;
import org.configspec.serve.metrics.VerifierMetrics;
import org.junit.jupiter.api.Test;

/**
 * The in-process backend pads the gaps between a group's slots (and shorter requests) into one llama pass: every
 * session's rows equal the rows it gets alone, and a padded gap slot's cache is back to what it held, so its own next
 * verify is exact too.
 */
@NeedsLlama
class PaddedPassesTest {
    private static final String[] PROMPTS = {"Once upon a time", "The little dog", "One day, a girl", "Tom and Sue",
            "There was a big tree", "Lily liked to"};

    private static float maxAbsDiff(float[] a, float[] b) {
        float d = 0;
        for (int i = 0; i < a.length; i++) {
            d = Math.max(d, Math.abs(a[i] - b[i]));
        }
        return d;
    }

    private static VerificationBackend.Round round(int slot, int[] prompt, int k) {
        int[] next = ServeFixture.greedy(prompt, k);
        return new VerificationBackend.Round(slot, prompt, java.util.Arrays.copyOf(next, k), true, 0);
    }

    /** Each round's rows scored alone: argmax and logits of every row. */
    private static List<float[][]> alone(LlamaBackend b, List<VerificationBackend.Round> rounds) {
        List<float[][]> out = new ArrayList<>();
        for (VerificationBackend.Round r : rounds) {
            TargetRows rows = b.score(List.of(r)).get(0);
            float[][] l = new float[r.draft().length + 1][];
            for (int i = 0; i < l.length; i++) {
                l[i] = rows.logits(i);
            }
            out.add(l);
            b.keep(r.slot(), r.position());
        }
        return out;
    }

    @Test
    void aGroupWithGapsAndMixedKIsOnePassAndEveryRowIsTheSessionsOwn() {
        VerifierConfig config = ServeFixture.verifierConfig().withBatching(8, java.time.Duration.ofMillis(5));
        // a pass costs as much as 100 padding tokens: every gap here is worth filling
        try (LlamaBackend b = new LlamaBackend(ServeFixture.target(), config, new PassPlan.Costs(100, 1))) {
            VerifierMetrics metrics = new VerifierMetrics(config.maxK(), config.maxBatch());
            b.bind(metrics);
            List<int[]> prompts = new ArrayList<>();
            for (int slot = 0; slot < PROMPTS.length; slot++) {
                int[] p = ServeFixture.tokens(PROMPTS[slot]);
                prompts.add(p);
                b.open(slot, p);
            }
            // slots 0, 2 and 5 verify (K = 4, 2, 4); slots 1, 3 and 4 hold sessions that wait
            List<VerificationBackend.Round> group = List.of(round(5, prompts.get(5), 4), round(0, prompts.get(0), 4),
                    round(2, prompts.get(2), 2));
            List<float[][]> expected = alone(b, group);
            List<VerificationBackend.Round> waiting = List.of(round(1, prompts.get(1), 3), round(3, prompts.get(3), 4),
                    round(4, prompts.get(4), 1));
            List<float[][]> waitingExpected = alone(b, waiting);

            double padBefore = padTokens(metrics);
            double passesBefore = passes(metrics);
            List<TargetRows> rows = b.score(group);
            float worst = 0;
            for (int j = 0; j < group.size(); j++) {
                for (int i = 0; i < expected.get(j).length; i++) {
                    worst = Math.max(worst, maxAbsDiff(rows.get(j).logits(i), expected.get(j)[i]));
                    assertThat(rows.get(j).argmax(i)).isEqualTo(Sampler.argmax(expected.get(j)[i]));
                }
            }
            assertThat(worst).as("max abs logit difference, padded pass vs alone").isLessThan(1e-4f);
            assertThat(passes(metrics) - passesBefore).as("passes").isEqualTo(1);
            // slots 0..5 at 5 tokens: 30, of which 13 are the sessions' own
            assertThat(padTokens(metrics) - padBefore).as("padding tokens").isEqualTo(17);
            for (VerificationBackend.Round r : group) {
                b.keep(r.slot(), r.position());
            }

            // the gap slots' caches hold their prompts again: their own verifies, batched, are exact
            List<TargetRows> after = b.score(waiting);
            worst = 0;
            for (int j = 0; j < waiting.size(); j++) {
                for (int i = 0; i < waitingExpected.get(j).length; i++) {
                    worst = Math.max(worst, maxAbsDiff(after.get(j).logits(i), waitingExpected.get(j)[i]));
                }
            }
            assertThat(worst).as("max abs logit difference of the sessions padded before").isLessThan(1e-4f);
        }
    }

    @Test
    void withPassesCheapNothingIsPaddedAndTheRowsAreStillExact() {
        VerifierConfig config = ServeFixture.verifierConfig();
        try (LlamaBackend b = new LlamaBackend(ServeFixture.target(), config, new PassPlan.Costs(0, 1))) {
            VerifierMetrics metrics = new VerifierMetrics(config.maxK(), config.maxBatch());
            b.bind(metrics);
            int[] p0 = ServeFixture.tokens(PROMPTS[0]);
            int[] p3 = ServeFixture.tokens(PROMPTS[3]);
            b.open(0, p0);
            b.open(3, p3);
            List<VerificationBackend.Round> group = List.of(round(0, p0, 3), round(3, p3, 3));
            List<float[][]> expected = alone(b, group);
            double passesBefore = passes(metrics);
            List<TargetRows> rows = b.score(group);
            for (int j = 0; j < group.size(); j++) {
                for (int i = 0; i < 4; i++) {
                    assertThat(maxAbsDiff(rows.get(j).logits(i), expected.get(j)[i])).isLessThan(1e-4f);
                }
            }
            assertThat(passes(metrics) - passesBefore).isEqualTo(2);
            assertThat(padTokens(metrics)).isZero();
            assertThat(b.describe()).contains("a pass 0.00 ms");
        }
    }

    @Test
    void theCostsMeasuredAtStartArePositiveWithAndWithoutRoomForAGap() {
        // three slots or more: slots {0,1}, {0,2}, {0,1,2}; fewer: one sequence of 1 and 5 tokens
        for (int sessions : new int[] {8, 2, 1}) {
            VerifierConfig config = ServeFixture.verifierConfig().withSessions(sessions, java.time.Duration.ofSeconds(60));
            try (LlamaBackend b = new LlamaBackend(ServeFixture.target(), config)) {
                assertThat(b.costs().padToken()).as("%d slots", sessions).isPositive();
                assertThat(b.costs().pass()).as("%d slots", sessions).isGreaterThanOrEqualTo(0);
                assertThat(b.describe()).contains("measured at start");
                // the slots it timed on are empty again: a session opened there decodes from position 0
                int[] p = ServeFixture.tokens(PROMPTS[0]);
                b.open(0, p);
                List<TargetRows> rows = b.score(List.of(round(0, p, 1)));
                assertThat(rows.get(0).argmax(0)).isEqualTo(ServeFixture.greedy(p, 1)[0]);
            }
        }
    }

    private static double passes(VerifierMetrics m) {
        return m.registry().get("configspec.verifier.passes").functionCounter().count();
    }

    private static double padTokens(VerifierMetrics m) {
        return m.registry().get("configspec.verifier.pad.tokens").functionCounter().count();
    }
}
