package org.configspec.cli.commands.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.configspec.llm.NeedsLlama;
import org.configspec.llm.TestModels;
import org.configspec.llm.model.DefaultModel;
import org.configspec.llm.remote.EngineStandInServer;
import org.configspec.llm.remote.ReferenceEngine;
import org.configspec.store.ProfileStore;
import org.configspec.store.ProfileStores;
import org.configspec.store.VerifyTimeDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * profile verify-time end to end on a vLLM-shaped STAND-IN (vLLM needs GPUs; the stand-in answers with our engine's
 * numbers): every (K, context) pair is timed the asked number of times, the fit and residual table is printed, and
 * --store keeps a verify-time profile that explain --store then names. Times are not asserted (a shared machine).
 */
@NeedsLlama
class VerifyTimeCommandTest {
    @TempDir
    Path dir;

    static AlignCommandTest.Out run(String... args) {
        return AlignCommandTest.profile("verify-time", args);
    }

    @Test
    void measuresFitsPrintsAndStoresAVerifyTimeProfile() {
        try (ReferenceEngine engine = new ReferenceEngine(TestModels.model(DefaultModel.STORIES15M_F32));
             EngineStandInServer vllm = EngineStandInServer.start(EngineStandInServer.Wire.VLLM, engine)) {
            Path db = dir.resolve("p.db");
            AlignCommandTest.Out r = run( "--target-url", vllm.url().toString(), "--target-api", "vllm",
                    "--contexts", "8,24", "--k-max", "3", "--repetitions", "2", "--warmup", "1", "--store",
                    db.toString(), "--target", "stories-target", "--device", "test-box");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("request: vllm: one teacher-forced request over context + K + 1 ids, top-1")
                    .contains("fit (least squares over the 8 medians per (K, context)): T_v(K, context) =").contains("residuals: rms")
                    .contains("stored verify-time profile verify-time-");
            assertThat(r.out().lines().filter(l -> l.matches(" +(8|24) +[0-3] .*"))).hasSize(8);
            try (ProfileStore s = ProfileStores.open("sqlite:" + db)) {
                VerifyTimeDocument d = VerifyTimeDocument.newestPerTarget(s).get("stories-target").getValue();
                assertThat(d.device()).isEqualTo("test-box");
                assertThat(d.fit().n()).isEqualTo(8);
                assertThat(d.contexts()).containsExactly(8, 24);
                assertThat(d.remote().api()).isEqualTo("vllm");
                assertThat(d.remote().modelId()).isEqualTo(EngineStandInServer.MODEL);
            }
        }
    }

    @Test
    void withoutATargetUrlItIsOneLine() {
        AlignCommandTest.Out r = run();
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).contains("--target-url: required").doesNotContain("\n");
    }
}
