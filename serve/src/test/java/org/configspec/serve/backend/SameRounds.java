package org.configspec.serve.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.configspec.serve.ServeFixture;
import org.configspec.serve.client.HttpVerifierTransport;
import org.configspec.serve.client.VerifierException;
import org.configspec.serve.protocol.SessionRequest;
import org.configspec.serve.protocol.SparseDistribution;
import org.configspec.serve.protocol.VerifyRequest;
import org.configspec.serve.protocol.VerifyResponse;
import org.configspec.serve.verifier.VerifierServer;

/**
 * Sends the same verify rounds to two verifiers (ours in-process, and one on a backend) and asserts the same answers:
 * the oracle of the backend tests.
 */
final class SameRounds {
    static final int K = 4;

    private SameRounds() {
    }

    /** A token other than {@code t} (for a drafted mismatch). */
    private static int other(int t) {
        return t == 263 ? 264 : 263;
    }

    /**
     * Greedy: the target's own K next tokens as the draft, with a mismatch at position 0..K − 1 and none, all at the
     * prompt's end (both servers roll the session back each time: verify is idempotent by position). Returns the
     * accepted lengths.
     */
    static List<Integer> greedy(VerifierServer local, VerifierServer remote, String prompt) throws VerifierException {
        int[] ids = ServeFixture.tokens(prompt);
        int[] greedy = ServeFixture.greedy(ids, K);
        try (HttpVerifierTransport a = ServeFixture.transportTo(local.url());
             HttpVerifierTransport b = ServeFixture.transportTo(remote.url())) {
            String sa = a.createSession(SessionRequest.greedy(ids)).session();
            String sb = b.createSession(SessionRequest.greedy(ids)).session();
            List<Integer> accepted = new ArrayList<>();
            for (int wrong = 0; wrong <= K; wrong++) {
                int[] draft = greedy.clone();
                if (wrong < K) {
                    draft[wrong] = other(draft[wrong]);
                }
                VerifyRequest r = new VerifyRequest(ids.length, draft, null);
                VerifyResponse x = a.verify(sa, r);
                VerifyResponse y = b.verify(sb, r);
                assertThat(List.of(y.accepted(), y.token(), y.position())).as("mismatch at %d", wrong)
                        .isEqualTo(List.of(x.accepted(), x.token(), x.position()));
                accepted.add(y.accepted());
            }
            return accepted;
        }
    }

    /**
     * Sampling at temperature 2 with target top-k 10 (inside a top-20 listing: exact), one round per seed: the draft
     * proposes the target's greedy tokens except an unlikely one at position 2, so acceptances, rejections and
     * residual draws from max(0, p − q) all happen. Returns how often each accepted length came out.
     */
    static int[] sampling(VerifierServer local, VerifierServer remote, String prompt, int seeds)
            throws VerifierException {
        int[] ids = ServeFixture.tokens(prompt);
        int[] greedy = ServeFixture.greedy(ids, K);
        int[] draft = greedy.clone();
        draft[1] = other(greedy[1]);
        List<SparseDistribution> q = new ArrayList<>();
        for (int i = 0; i < K; i++) {
            q.add(i == 1 ? new SparseDistribution(new int[] {draft[i], greedy[i]}, new float[] {0.6f, 0.4f})
                    : new SparseDistribution(new int[] {greedy[i], other(greedy[i])}, new float[] {0.6f, 0.4f}));
        }
        int[] outcomes = new int[K + 1];
        try (HttpVerifierTransport a = ServeFixture.transportTo(local.url());
             HttpVerifierTransport b = ServeFixture.transportTo(remote.url())) {
            for (long seed = 1; seed <= seeds; seed++) {
                SessionRequest session = SessionRequest.sampling(ids, 2.0, 10, 1.0, seed);
                String sa = a.createSession(session).session();
                String sb = b.createSession(session).session();
                VerifyRequest r = new VerifyRequest(ids.length, draft, q);
                VerifyResponse x = a.verify(sa, r);
                VerifyResponse y = b.verify(sb, r);
                assertThat(List.of(y.accepted(), y.token())).as("seed %d", seed)
                        .isEqualTo(List.of(x.accepted(), x.token()));
                outcomes[y.accepted()]++;
                a.deleteSession(sa);
                b.deleteSession(sb);
            }
        }
        return outcomes;
    }
}
