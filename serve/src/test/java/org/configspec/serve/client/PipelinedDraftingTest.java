package org.configspec.serve.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.llm.engine.ContextOptions;
import org.configspec.llm.engine.LlamaModel;
import org.configspec.llm.engine.LlamaSession;
import org.configspec.llm.NeedsLlama;
import org.configspec.serve.ServeFixture;
import org.configspec.serve.link.DirectionSpec;
import org.configspec.serve.link.HostPort;
import org.configspec.serve.link.Link;
import org.configspec.serve.link.LinkEmulator;
import org.configspec.serve.link.LinkSpec;
import org.configspec.serve.metrics.RoundRecord;
import org.configspec.serve.verifier.VerifierServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code run --pipeline}: the next round drafted while the verify is in flight. The committed output stays exactly
 * the target's greedy output (the ahead tokens are used only when the whole draft was accepted and the verifier's
 * token is the draft's guess), and a draft resumed from ahead tokens equals the draft made from scratch.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
@NeedsLlama
class PipelinedDraftingTest {
    private static final int N = 32;
    private static VerifierServer server;

    @BeforeAll
    static void start() {
        server = ServeFixture.batchingVerifier();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static EdgeClient.Result pipelined(String url, String draft, int[] prompt, int n, KPolicy policy)
            throws InterruptedException {
        try (VerifierTransport t = ServeFixture.transport(url)) {
            return new EdgeClient(ServeFixture.model(draft), t, ServeFixture.clientOptions().withPipeline(true), null)
                    .run(prompt, n, policy, null);
        }
    }

    @Test
    void pipelinedOutputEqualsTargetGreedyForEveryKAndDraft() throws Exception {
        int[] prompt = ServeFixture.tokens(ServeFixture.PROMPT);
        int[] expected = ServeFixture.greedy(prompt, N);
        for (String draft : new String[] {ServeFixture.L5, ServeFixture.L4, ServeFixture.Q8}) {
            for (int k = 1; k <= 8; k++) {
                EdgeClient.Result r = pipelined(server.url(), draft, prompt, N, new FixedK(k));
                assertThat(r.tokens()).as("%s, K = %d", draft, k).containsExactly(expected);
            }
        }
        // the ends of a run: one and two tokens
        for (int n = 1; n <= 2; n++) {
            assertThat(pipelined(server.url(), ServeFixture.Q8, prompt, n, new FixedK(4)).tokens())
                    .containsExactly(ServeFixture.greedy(prompt, n));
        }
        TrackingK tracking = new TrackingK(8, TrackingK.DEFAULT_WEIGHT, 3);
        assertThat(pipelined(server.url(), ServeFixture.L5, prompt, N, tracking).tokens()).containsExactly(expected);
    }

    /**
     * Through a link with 25 ms each way, drafting K = 4 ahead (a few ms) finishes long before the answer: every round
     * after a round whose draft was all accepted with the guessed token starts from its ahead tokens, and with the
     * Q8_0 draft of the same model most rounds do.
     */
    @Test
    void roundsStartFromTheAheadTokensWhenTheGuessHolds() throws Exception {
        int[] prompt = ServeFixture.tokens(ServeFixture.PROMPT);
        int[] expected = ServeFixture.greedy(prompt, N);
        DirectionSpec delay = DirectionSpec.IDEAL.withDelay(Duration.ofMillis(25));
        try (Link link = LinkEmulator.start(LinkSpec.symmetric(new HostPort("127.0.0.1", 0),
                new HostPort("127.0.0.1", server.port()), delay, 1))) {
            EdgeClient.Result r = pipelined("http://127.0.0.1:" + link.localPort(), ServeFixture.Q8, prompt, N,
                    new FixedK(4));
            assertThat(r.tokens()).containsExactly(expected);
            var rounds = r.summary().roundRecords();
            int used = 0;
            for (int i = 0; i < rounds.size(); i++) {
                RoundRecord round = rounds.get(i);
                assertThat(round.aheadTokens()).as("round %d", i + 1).isBetween(0, round.k());
                if (round.aheadTokens() > 0) {
                    used++;
                    // the whole draft came from ahead: no drafting left after the answer but the copy
                    assertThat(round.aheadTokens()).isEqualTo(round.k());
                }
                if (i + 1 < rounds.size() && round.accepted() < round.k()) {
                    assertThat(rounds.get(i + 1).aheadTokens()).as("round %d after a rejection", i + 2).isZero();
                }
                if (i + 1 < rounds.size()) {
                    assertThat(round.aheadSeconds()).as("round %d drafted ahead", i + 1).isPositive();
                }
            }
            assertThat(used).as("rounds started from ahead tokens").isGreaterThanOrEqualTo(rounds.size() / 2);
            System.out.println("pipelined, RTT 50 ms, Q8 draft, K=4: " + r.summary().describe());
        }
    }

    /** Resuming from m ahead tokens gives exactly the draft made from scratch, for k below, at and above m. */
    @Test
    void aDraftResumedFromAheadTokensEqualsTheDraftMadeFromScratch() {
        LlamaModel m = ServeFixture.model(ServeFixture.Q8);
        int[] prompt = ServeFixture.tokens(ServeFixture.PROMPT);
        int[] seq = java.util.Arrays.copyOf(prompt, prompt.length + 64);
        ClientOptions o = ServeFixture.clientOptions();
        try (LlamaSession a = m.newSession(ContextOptions.defaults().withThreads(1).withContextSize(128)
                .withBatchCapacity(128));
             LlamaSession b = m.newSession(ContextOptions.defaults().withThreads(1).withContextSize(128)
                     .withBatchCapacity(128))) {
            int length = prompt.length;
            Drafter ahead = new Drafter(a, o);
            Drafter scratch = new Drafter(b, o);
            for (int k : new int[] {3, 5, 4, 1, 6, 0, 2}) {
                int[] sent = ahead.draft(seq, length, 3).tokens();
                Drafter.Ahead got = ahead.ahead(length, sent, 4, () -> false);
                assertThat(got.tokens()).hasSize(4);
                // what the verifier would have answered had it agreed with the draft: all accepted, then the guess
                System.arraycopy(sent, 0, seq, length, 3);
                seq[length + 3] = got.bonus();
                assertThat(got.bonus()).isEqualTo(scratch.draft(seq, length, 4).tokens()[3]);
                scratch.keep(length + 4);
                length += 4;
                Drafter.Draft resumed = ahead.resume(seq, length, got.tokens(), k);
                Drafter.Draft fresh = scratch.draft(seq, length, k);
                assertThat(resumed.tokens()).as("k = %d from 4 ahead", k).containsExactly(fresh.tokens());
                // commit the resumed draft and continue from there
                System.arraycopy(resumed.tokens(), 0, seq, length, k);
                ahead.keep(length + Math.max(0, k - 1));
                scratch.keep(length + Math.max(0, k - 1));
                length += Math.max(0, k - 1);
            }
        }
    }

    @Test
    void pipelineWithSamplingIsRefusedInOneLine() {
        assertThatThrownBy(() -> ClientOptions.defaults().withSampling(0.8, 40, 1).withPipeline(true))
                .isInstanceOf(ConfigSpecException.class)
                .hasMessage("--pipeline with --temperature = 0.8: drafting ahead is greedy only; allowed with"
                        + " --temperature 0");
    }
}
