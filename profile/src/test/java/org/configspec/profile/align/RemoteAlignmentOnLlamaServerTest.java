package org.configspec.profile.align;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.configspec.llm.NeedsNativeLlama;
import org.configspec.llm.remote.LlamaServerProcess;
import org.configspec.llm.remote.RemoteTarget;
import org.configspec.llm.remote.RemoteTargetException;
import org.configspec.llm.remote.RemoteTargets;
import org.configspec.llm.remote.RetryPolicy;
import org.configspec.llm.sampling.SamplingParams;
import org.configspec.store.ProfileStore;
import org.configspec.store.ProfileStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance profiling against a real llama-server (built from the same llama.cpp source as our runtime) serving the
 * same stories15M F32 GGUF as the local target: the α(K) tables from --target-url equal the local ones for the Q8_0,
 * 5-layer and 4-layer drafts (the continuations are compared token for token; a divergence is allowed only at a
 * near-tie of the target, counted and reported, since the local side may run the prebuilt library); the sampling
 * bounds from n_probs 1, 5, 20, 100 contain the exact β from the local full distribution and narrow as N grows; a
 * campaign whose server is killed mid-way resumes with no prompt lost or fetched twice.
 */
@NeedsNativeLlama
class RemoteAlignmentOnLlamaServerTest {
    static final int TOKENS = 40;
    static final int K_MAX = 6;
    static final int PROMPTS = 4;
    static final double NEAR_TIE = 1e-3;

    static LlamaServerProcess server;
    static RemoteTarget remote;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        server = LlamaServerProcess.start(LlamaServerProcess.Options.of(AlignFixture.store().resolve(AlignFixture.TARGET)));
        remote = RemoteTargets.open(server.endpoint(null));
    }

    @AfterAll
    static void stop() {
        if (remote != null) {
            remote.close();
        }
        if (server != null) {
            server.close();
        }
    }

    static List<String> prompts() {
        return AlignFixture.prompts().subList(0, PROMPTS);
    }

    static List<AlignmentProfiler.Draft> drafts() {
        return List.of(AlignFixture.Q8, AlignFixture.L5, AlignFixture.L4).stream()
                .map(n -> new AlignmentProfiler.Draft(AlignFixture.ref(n), AlignFixture.session(n))).toList();
    }

    static List<AlignmentProfiler.Draft> oneDraft() {
        return drafts().subList(1, 2);
    }

    static AlignSettings settings() {
        return AlignSettings.defaults().withKMax(K_MAX).withTokens(TOKENS)
                .withTargetPass(AlignSettings.TargetPassKind.GREEDY);
    }

    @Test
    void alphaTablesFromTheServerEqualTheLocalOnesForEveryDraft() {
        AlignResult local = new AlignmentProfiler(AlignFixture.session(AlignFixture.TARGET),
                AlignFixture.ref(AlignFixture.TARGET), drafts(), settings()).run(prompts(), "test prompts");
        AlignResult fromServer = RemoteAlignment.run(new RemoteAlignment.Remote(remote, server.url().toString(),
                AlignFixture.TARGET, 0), drafts(), settings(), prompts(), "test prompts", null, step -> { });

        int nearTies = 0;
        GreedyTargetPass localPass = new GreedyTargetPass(AlignFixture.session(AlignFixture.TARGET),
                new SamplingParams(1.0, 0, 1.0, 0));
        RemoteTargetPass remotePass = new RemoteTargetPass(remote, 2, 0);
        for (String p : prompts()) {
            int[] ids = AlignFixture.session(AlignFixture.TARGET).tokenizer().tokenize(p, true);
            Continuation l = localPass.continuation(ids, TOKENS);
            Continuation r = remotePass.continuation(ids, TOKENS);
            int q = firstDifference(l.tokens(), r.tokens());
            if (q >= 0) {
                double[] probs = l.targetProbs()[q];
                double gap = Math.abs(Math.log(probs[l.tokens()[q]]) - Math.log(probs[r.tokens()[q]]));
                assertThat(gap).as("prompt '%s' diverges at %d: not a near-tie", p, q).isLessThan(NEAR_TIE);
                nearTies++;
            }
        }
        System.out.printf("llama-server %s: %d of %d continuations diverge at a near-tie%n", remote.identity(),
                nearTies, PROMPTS);
        if (nearTies == 0) {
            for (int d = 0; d < 3; d++) {
                for (int k = 1; k <= K_MAX; k++) {
                    KAcceptance a = local.drafts().get(d).at(k);
                    KAcceptance b = fromServer.drafts().get(d).at(k);
                    assertThat(b.alpha().value()).as("draft %d K=%d", d, k).isEqualTo(a.alpha().value());
                    assertThat(b.survival()).isEqualTo(a.survival());
                    assertThat(b.rounds()).isEqualTo(a.rounds());
                }
            }
        }
        Provenance p = fromServer.provenance();
        assertThat(p.remote().source().api()).isEqualTo("llama-server");
        assertThat(p.remote().source().requests()).isEqualTo(PROMPTS);
        assertThat(p.remote().source().completionTokens()).isEqualTo((long) PROMPTS * TOKENS);
        assertThat(p.targetPass()).contains("one generate request per prompt");
    }

    @Test
    void boundsFromNProbsContainTheExactOverlapAndNarrowAsNGrows() {
        SamplingParams one = new SamplingParams(1.0, 0, 1.0, 0);
        DraftPass draft = new DraftPass(AlignFixture.session(AlignFixture.L5), one);
        int[] ids = AlignFixture.session(AlignFixture.TARGET).tokenizer().tokenize(prompts().get(0), true);
        Continuation full = new GreedyTargetPass(AlignFixture.session(AlignFixture.TARGET), one)
                .continuation(ids, TOKENS);
        double[] exact = draft.align(full).beta();
        double previous = Double.POSITIVE_INFINITY;
        for (int n : new int[] {1, 5, 20, 100}) {
            Continuation listed = new RemoteTargetPass(remote, n, 0).continuation(ids, TOKENS);
            int same = firstDifference(full.tokens(), listed.tokens());
            int upTo = same < 0 ? TOKENS : same;
            Alignment bounded = draft.align(listed);
            double[] lo = bounded.betaLo();
            double[] hi = bounded.betaHi();
            double width = 0;
            double maxTolerance = 0;
            for (int q = 0; q < upTo; q++) {
                // β moves by at most the L1 distance of the two libraries' distributions (the server runs the native
                // build, the local side may run the prebuilt one): the listed entries and the unlisted mass
                TopRow row = listed.targetTop().get(q);
                double[] local = full.targetProbs()[q];
                double tolerance = 1e-9;
                double localListed = 0;
                for (int i = 0; i < row.size(); i++) {
                    tolerance += Math.abs(Math.exp(row.logprobs()[i]) - local[row.ids()[i]]);
                    localListed += local[row.ids()[i]];
                }
                tolerance += Math.abs(row.unlistedMass() - Math.max(0, 1 - localListed));
                maxTolerance = Math.max(maxTolerance, tolerance);
                assertThat(exact[q]).as("position %d at n_probs %d", q, n)
                        .isBetween(lo[q] - tolerance, hi[q] + tolerance);
                assertThat(hi[q] - lo[q]).isLessThanOrEqualTo(listed.targetTop().get(q).unlistedMass() + 1e-6);
                width += (hi[q] - lo[q]) / upTo;
            }
            System.out.printf("n_probs %3d: mean beta width %.4f over %d positions (library difference <= %.2g)%n", n,
                    width, upTo, maxTolerance);
            assertThat(maxTolerance).isLessThan(0.01);
            assertThat(width).isLessThanOrEqualTo(previous + 1e-9);
            previous = width;
        }
    }

    @Test
    void aCampaignWhoseServerIsKilledResumesWithNoPromptLostOrFetchedTwice() {
        List<String> prompts = AlignFixture.prompts().subList(0, 6);
        AlignSettings s = settings();
        Path db = dir.resolve("campaign.db");
        AtomicInteger sent = new AtomicInteger();
        LlamaServerProcess doomed = LlamaServerProcess.start(LlamaServerProcess.Options.of(
                AlignFixture.store().resolve(AlignFixture.TARGET)));
        try (ProfileStore store = ProfileStores.open("sqlite:" + db);
             RemoteTarget t = RemoteTargets.open(doomed.endpoint(null).withRetry(RetryPolicy.none()))) {
            assertThatThrownBy(() -> RemoteAlignment.run(new RemoteAlignment.Remote(t, doomed.url().toString(),
                    AlignFixture.TARGET, 0), oneDraft(), s, prompts, "test prompts", store, step -> {
                        if (sent.incrementAndGet() == 4) {
                            doomed.kill(); // the 4th request meets a dead server
                        }
                    })).isInstanceOf(RemoteTargetException.class);
        } finally {
            doomed.close();
        }
        AlignResult resumed;
        try (ProfileStore store = ProfileStores.open("sqlite:" + db)) {
            List<String> fetchedNow = new ArrayList<>();
            resumed = RemoteAlignment.run(new RemoteAlignment.Remote(remote, server.url().toString(),
                    AlignFixture.TARGET, 0), oneDraft(), s, prompts, "test prompts", store, fetchedNow::add);
            assertThat(fetchedNow).containsExactly("4/6", "5/6", "6/6");
        }
        assertThat(resumed.provenance().remote().resumed()).isEqualTo(3);
        assertThat(resumed.provenance().remote().source().requests()).isEqualTo(6);
        assertThat(resumed.provenance().promptsUsed()).isEqualTo(6);
        AlignResult clean = RemoteAlignment.run(new RemoteAlignment.Remote(remote, server.url().toString(),
                AlignFixture.TARGET, 0), oneDraft(), s, prompts, "test prompts", null, step -> { });
        for (int d = 0; d < 1; d++) {
            for (int k = 1; k <= K_MAX; k++) {
                assertThat(resumed.drafts().get(d).at(k).rounds()).isEqualTo(clean.drafts().get(d).at(k).rounds());
                assertThat(resumed.drafts().get(d).at(k).alpha().value())
                        .isEqualTo(clean.drafts().get(d).at(k).alpha().value());
            }
        }
    }

    static int firstDifference(int[] a, int[] b) {
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (a[i] != b[i]) {
                return i;
            }
        }
        return a.length == b.length ? -1 : Math.min(a.length, b.length);
    }
}
