package org.configspec.serve.verifier;

import org.configspec.llm.NeedsLlama;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.configspec.llm.engine.ContextOptions;
import org.configspec.llm.engine.Generator;
import org.configspec.llm.engine.LlamaModel;
import org.configspec.llm.engine.LlamaSession;
import org.configspec.llm.sampling.Sampler;
import org.configspec.llm.sampling.SamplingParams;
import org.configspec.serve.ServeFixture;
import org.configspec.serve.client.EdgeClient;
import org.configspec.serve.client.FixedK;
import org.configspec.serve.client.VerifierException;
import org.configspec.serve.client.VerifierTransport;
import org.configspec.serve.protocol.SessionRequest;
import org.configspec.serve.protocol.VerifyRequest;
import org.configspec.serve.protocol.VerifyResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The end of a session's context (default 256 positions): a verify may decode up to the last position, and the
 * target's token after it is committed too (257 tokens, as many as generate produces in 256 positions); a verify
 * beyond is refused with 409 "context full" before anything is decoded; a session batched with either gets exactly
 * the answer it gets alone; and a run asked for more tokens than fit stops there with generate's text.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@NeedsLlama
class ContextEndTest {
    private static final int CONTEXT = 256;

    /** A prompt of {@code length} valid token ids (BOS, then the default prompt's words over and over). */
    private static int[] prompt(int length) {
        int[] words = ServeFixture.tokens(ServeFixture.PROMPT);
        int[] p = new int[length];
        p[0] = words[0];
        for (int i = 1; i < length; i++) {
            p[i] = words[1 + (i - 1) % (words.length - 1)];
        }
        return p;
    }

    private static int status(Throwable e) {
        return ((VerifierException) e).status();
    }

    /** What generate commits: the target's greedy continuation in a context of 256 positions. */
    private static int[] generate(int[] prompt, int n) {
        LlamaModel m = ServeFixture.target();
        try (LlamaSession s = m.newSession(ContextOptions.defaults().withThreads(1).withContextSize(CONTEXT)
                .withBatchCapacity(CONTEXT).exact())) {
            return Generator.generate(s, prompt, n, new Sampler(SamplingParams.greedy()), null).tokens();
        }
    }

    @Test
    void theTokenAfterTheLastPositionIsCommittedAndTheNextVerifyIsContextFull() throws Exception {
        int[] prompt = prompt(CONTEXT - 1);
        int[] expected = generate(prompt, 2);
        try (VerifierServer server = VerifierServer.start(ServeFixture.verifierConfig(), ServeFixture.target());
             VerifierTransport t = ServeFixture.transport(server.url())) {
            String id = t.createSession(SessionRequest.greedy(prompt)).session();
            VerifyResponse first = t.verify(id, new VerifyRequest(CONTEXT - 1, new int[0], null));
            assertThat(first.position()).isEqualTo(CONTEXT);
            assertThat(first.token()).isEqualTo(expected[0]);
            // decodes the last position (255); its token is the 257th committed one
            VerifyResponse last = t.verify(id, new VerifyRequest(CONTEXT, new int[0], null));
            assertThat(last.position()).isEqualTo(CONTEXT + 1);
            assertThat(last.token()).isEqualTo(expected[1]);
            assertThatThrownBy(() -> t.verify(id, new VerifyRequest(CONTEXT + 1, new int[0], null)))
                    .isInstanceOf(VerifierException.class)
                    .satisfies(e -> assertThat(status(e)).isEqualTo(409))
                    .hasMessageContaining("context full");
            // one drafted token after position 256 would need position 256 decoded: refused too
            assertThatThrownBy(() -> t.verify(id, new VerifyRequest(CONTEXT, new int[] {last.token()}, null)))
                    .satisfies(e -> assertThat(status(e)).isEqualTo(409));
            // the session is intact: verifying the last position again gives the same token
            assertThat(t.verify(id, new VerifyRequest(CONTEXT, new int[0], null)).token()).isEqualTo(last.token());
        }
    }

    @Test
    void verifiesAtAndBeyondTheContextEndBatchedWithAnotherSessionLeaveThatSessionsAnswersAndStateCorrect()
            throws Exception {
        int[] full = prompt(CONTEXT - 1);
        int[] atEndExpected = generate(full, 2);
        int[] other = ServeFixture.tokens(ServeFixture.PROMPT);
        int[] expected = ServeFixture.greedy(other, 8);
        // a long batching window: the two verifies of each step below land in one batch
        VerifierConfig config = ServeFixture.verifierConfig().withBatching(8, Duration.ofSeconds(5));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (VerifierServer server = VerifierServer.start(config, ServeFixture.target());
             VerifierTransport t = ServeFixture.transport(server.url())) {
            String a = t.createSession(SessionRequest.greedy(full)).session();
            String b = t.createSession(SessionRequest.greedy(other)).session();
            assertThat(t.verify(a, new VerifyRequest(CONTEXT - 1, new int[0], null)).position()).isEqualTo(CONTEXT);
            // the last position of a, batched with three drafted tokens of b
            Future<VerifyResponse> atEnd = pool.submit(() -> t.verify(a, new VerifyRequest(CONTEXT, new int[0], null)));
            Future<VerifyResponse> beside = pool.submit(() -> t.verify(b, new VerifyRequest(other.length,
                    Arrays.copyOf(expected, 3), null)));
            VerifyResponse r = beside.get(60, TimeUnit.SECONDS);
            assertThat(r.accepted()).isEqualTo(3);
            assertThat(r.token()).isEqualTo(expected[3]);
            assertThat(r.position()).isEqualTo(other.length + 4);
            VerifyResponse end = atEnd.get(60, TimeUnit.SECONDS);
            assertThat(end.position()).isEqualTo(CONTEXT + 1);
            assertThat(end.token()).isEqualTo(atEndExpected[1]);
            assertThat(end.timings().batchSize()).as("a and b were decoded in one batch").isEqualTo(2);
            // beyond the end, batched with b's next verify
            Future<VerifyResponse> beyond = pool.submit(() -> t.verify(a, new VerifyRequest(CONTEXT + 1, new int[0],
                    null)));
            Future<VerifyResponse> next = pool.submit(() -> t.verify(b, new VerifyRequest(other.length + 4,
                    new int[] {expected[4]}, null)));
            VerifyResponse n = next.get(60, TimeUnit.SECONDS);
            assertThat(n.accepted()).isEqualTo(1);
            assertThat(n.token()).isEqualTo(expected[5]);
            Throwable refused = null;
            try {
                beyond.get(60, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                refused = e.getCause();
            }
            assertThat(refused).isInstanceOf(VerifierException.class).satisfies(e -> assertThat(status(e)).isEqualTo(409));
            // b goes on from where it was: its KV cache holds exactly its committed tokens
            VerifyResponse after = t.verify(b, new VerifyRequest(other.length + 6, new int[] {expected[6]}, null));
            assertThat(after.accepted()).isEqualTo(1);
            assertThat(after.token()).isEqualTo(expected[7]);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRunAskedForMoreTokensThanTheContextHoldsStopsAtTheContextEndWithGeneratesText() throws Exception {
        int[] prompt = ServeFixture.tokens(ServeFixture.PROMPT);
        int[] expected = generate(prompt, 400);
        assertThat(expected).hasSize(CONTEXT + 1 - prompt.length);
        try (VerifierServer server = VerifierServer.start(ServeFixture.verifierConfig(), ServeFixture.target())) {
            EdgeClient.Result r = ServeFixture.run(server.url(), ServeFixture.Q8, prompt, 400, new FixedK(8));
            assertThat(r.summary().fallbackTokens()).isZero();
            assertThat(r.summary().retries()).isZero();
            assertThat(r.tokens()).containsExactly(expected);
        }
    }
}
