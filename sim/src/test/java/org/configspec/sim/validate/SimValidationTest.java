package org.configspec.sim.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.configspec.core.calibration.BatchTiming;
import org.configspec.core.calibration.ServiceTimeFit;
import org.configspec.llm.NeedsLlama;
import org.configspec.llm.cpu.CpuAffinity;
import org.configspec.llm.cpu.CpuSplit;
import org.configspec.store.CalibrationDocument;
import org.configspec.store.ProfileProvenance;
import org.junit.jupiter.api.Test;

/**
 * The validation machinery on one tiny real point: one real edge client (stories15M Q8_0, 5 layers) through the link
 * emulator at RTT 0 against the real verifier, then the simulator fed by what it measured. Both goodputs are positive,
 * a lone client's batches hold one session in both, the simulator's tokens per round come from the measured
 * acceptance, and the table states the goals. Pinned as scripts/bench-simval runs it by default (the verifier on one
 * CPU, the client on the others, when there are two or more), which the setup line states.
 */
@NeedsLlama
class SimValidationTest {
    @Test
    void oneRealClientAtRttZeroIsComparedWithTheSimulator() throws Exception {
        List<BatchTiming> shapes = new ArrayList<>();
        for (int s : new int[] {1, 2}) {
            for (int k : new int[] {2, 4}) {
                shapes.add(new BatchTiming(s, k, 0.003 + 0.001 * s * (k + 1), 3));
            }
        }
        CalibrationDocument cal = new CalibrationDocument("stories15M-f32", ServiceTimeFit.fit(shapes), shapes, 1, 20,
                4, 0, "synthetic", "test", new ProfileProvenance("test", "", "F32", "", "none", 1, null, "2026-11-30"));
        SimValidation.Request r = new SimValidation.Request("stories15M-f32", "stories15M-q8_0-l5", 1, List.of(1),
                List.of(0), 4, 24, 8, Duration.ofMillis(5), Duration.ofSeconds(60), 3,
                CpuSplit.choose(null, 1, CpuAffinity.system(), "pin"));
        ValidationReport rep = SimValidation.run(r, cal);
        assertThat(rep.points()).hasSize(1);
        ValidationPoint p = rep.points().get(0);
        assertThat(p.clients()).isEqualTo(1);
        assertThat(p.realGoodput()).isPositive();
        assertThat(p.simGoodput()).isPositive();
        assertThat(p.rounds()).isPositive();
        assertThat(p.realBatch()).isEqualTo(1.0);
        assertThat(p.simBatch()).isEqualTo(1.0);
        assertThat(p.simQueueMs()).isZero();
        assertThat(p.draftTokPerS()).isPositive();
        assertThat(p.simTokPerRound()).isCloseTo(p.realTokPerRound(), within(0.25 * p.realTokPerRound()));
        assertThat(p.goodputError()).isEqualTo((p.simGoodput() - p.realGoodput()) / p.realGoodput());
        assertThat(p.oracleGoodput()).isPositive();
        assertThat(rep.table()).contains("median |goodput error|").contains("goal <= 10 %")
                .contains(CpuSplit.describe(r.pinning()));
    }
}
