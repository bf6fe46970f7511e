package org.configspec.profile.align;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.configspec.llm.NeedsLlama;
import org.configspec.llm.remote.EngineStandInServer;
import org.configspec.llm.remote.Endpoint;
import org.configspec.llm.remote.ReferenceEngine;
import org.configspec.llm.remote.RemoteTarget;
import org.configspec.llm.remote.RemoteTargetException;
import org.configspec.llm.remote.RemoteTargets;
import org.configspec.llm.remote.TargetApi;
import org.configspec.llm.sampling.SamplingParams;
import org.configspec.store.ProfileFilter;
import org.configspec.store.ProfileStore;
import org.configspec.store.ProfileStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * profile align against a vLLM-shaped server: the in-repo STAND-IN (vLLM needs GPUs and cannot run here) speaking
 * vLLM's wire format with the numbers of our own engine on the same stories15M F32 weights, so the remote α(K) table
 * must equal the local one exactly; 503s are retried; top-N above the server's --max-logprobs is a 4xx quoted in one
 * line, not retried, with nothing recorded for the failing prompt.
 */
@NeedsLlama
class RemoteAlignmentOnStandInTest {
    static final int TOKENS = 24;
    static ReferenceEngine engine;
    static EngineStandInServer vllm;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        engine = new ReferenceEngine(AlignFixture.model(AlignFixture.TARGET));
        vllm = EngineStandInServer.start(EngineStandInServer.Wire.VLLM, engine);
    }

    @AfterAll
    static void stop() {
        vllm.close();
        engine.close();
    }

    static RemoteTarget open() {
        return RemoteTargets.open(Endpoint.of(vllm.url().toString(), TargetApi.VLLM, null, null));
    }

    static AlignSettings settings() {
        return AlignSettings.defaults().withKMax(4).withTokens(TOKENS)
                .withTargetPass(AlignSettings.TargetPassKind.GREEDY);
    }

    static List<AlignmentProfiler.Draft> drafts() {
        return List.of(new AlignmentProfiler.Draft(AlignFixture.ref(AlignFixture.L5),
                AlignFixture.session(AlignFixture.L5)));
    }

    @Test
    void theRemoteAlphaTableEqualsTheLocalOneAndSamplingBoundsContainIt() {
        List<String> prompts = AlignFixture.prompts().subList(0, 3);
        AlignSettings s = settings().withSampling(new SamplingParams(1.0, 0, 1.0, 0));
        AlignResult local = new AlignmentProfiler(AlignFixture.session(AlignFixture.TARGET),
                AlignFixture.ref(AlignFixture.TARGET), drafts(), s).run(prompts, "test");
        vllm.failNext(2);
        AlignResult remote;
        try (RemoteTarget t = open()) {
            remote = RemoteAlignment.run(new RemoteAlignment.Remote(t, vllm.url().toString(), null, 20), drafts(), s,
                    prompts, "test", null, step -> { });
        }
        for (int k = 1; k <= 4; k++) {
            KAcceptance a = local.drafts().get(0).at(k);
            KAcceptance b = remote.drafts().get(0).at(k);
            assertThat(b.alpha().value()).isEqualTo(a.alpha().value());
            assertThat(b.survival()).isEqualTo(a.survival());
            ExpectedBounds e = b.expectedBounds();
            assertThat(a.expectedAlpha().value()).isBetween(e.alphaLo() - 1e-6, e.alphaHi() + 1e-6);
            assertThat(e.truncation()).isPositive();
        }
        assertThat(remote.provenance().target().name()).isEqualTo(EngineStandInServer.MODEL);
        assertThat(remote.provenance().remote().source().api()).isEqualTo("vllm");
        assertThat(AlignTable.render(remote)).contains("truncation", "remote target vllm");
    }

    @Test
    void aTopNAboveTheServersCapIsOneLineAndRecordsNothing() {
        try (RemoteTarget t = open(); ProfileStore store = ProfileStores.open("sqlite:" + dir.resolve("s.db"))) {
            int before = vllm.requests();
            assertThatThrownBy(() -> RemoteAlignment.run(new RemoteAlignment.Remote(t, vllm.url().toString(), null,
                    50), drafts(), settings().withSampling(new SamplingParams(1.0, 0, 1.0, 0)),
                    AlignFixture.prompts().subList(0, 2), "test", store, step -> { }))
                    .isInstanceOf(RemoteTargetException.class)
                    .hasMessageContaining("greater than max allowed: 20")
                    .hasMessageNotContaining("\n");
            assertThat(vllm.requests() - before).isLessThanOrEqualTo(2); // the 400 was not retried
            assertThat(store.list(ProfileFilter.ALL)).isEmpty();
        }
    }
}
