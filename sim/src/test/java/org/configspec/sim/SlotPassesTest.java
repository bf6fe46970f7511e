package org.configspec.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.configspec.core.acceptance.PerPositionCurve;
import org.configspec.core.calibration.PassCosts;
import org.configspec.serve.client.PolicyKind;
import org.junit.jupiter.api.Test;

/**
 * The simulated verifier pays for sessions in non-consecutive KV-cache slots as serve's does: an extra pass per gap
 * it leaves, or padding where that is cheaper (serve/verifier/PassPlan).
 */
class SlotPassesTest {
    private static final PassCosts MEASURED = new PassCosts(0.0077, 0.00057);
    private static final ServiceTime WITH_PASSES = new ServiceTime(0.007, 0.00071, 0.0006, null, false, "", MEASURED);
    private static final ServiceTime WITHOUT = new ServiceTime(0.007, 0.00071, 0.0006);

    @Test
    void aOneSlotGapIsPaddedAWideOneCostsAPassAndConsecutiveSlotsNothing() {
        assertThat(WITH_PASSES.slotSeconds(new int[] {2, 0}, new int[] {5, 5}, 2))
                .isCloseTo(5 * 0.00057, Offset.offset(1e-12));
        assertThat(WITH_PASSES.slotSeconds(new int[] {0, 9}, new int[] {5, 5}, 2)).isCloseTo(0.0077, Offset.offset(1e-12));
        assertThat(WITH_PASSES.slotSeconds(new int[] {1, 0, 2}, new int[] {5, 5, 5}, 3)).isZero();
        assertThat(WITHOUT.slotSeconds(new int[] {0, 9}, new int[] {5, 5}, 2)).isZero();
        // a shorter request padded to its pass's longest: 2 tokens, cheaper than the pass llama.cpp would add
        assertThat(WITH_PASSES.slotSeconds(new int[] {0, 1}, new int[] {5, 3}, 2)).isCloseTo(2 * 0.00057, Offset.offset(1e-12));
    }

    @Test
    void scalingTheServiceTimeScalesThePassCosts() {
        ServiceTime twice = WITH_PASSES.times(2);
        assertThat(twice.passes()).isEqualTo(new PassCosts(0.0154, 0.00114));
        assertThat(twice.describe()).contains("per extra pass");
    }

    private static SimResult run(ServiceTime service, int clients, double spread) {
        ClientSpec spec = new ClientSpec("slots", 500, Double.NaN, 0, false,
                new AcceptanceSampler(new PerPositionCurve(new double[] {0.9, 0.8, 0.7, 0.6}), 4), kk -> 0,
                PolicyKind.FIXED, 4, spread);
        return Simulation.run(new SimConfig(spec, clients, 1, 300, 3, Batching.of(16, java.time.Duration.ofMillis(5)),
                service, new RttModel.Constant(0.002)));
    }

    @Test
    void clientsOutOfStepMeetInGappedBatchesThatCostMoreAndOneClientNever() {
        SimResult gapped = run(WITH_PASSES, 16, 0.5);
        SimResult ideal = run(WITHOUT, 16, 0.5);
        assertThat(gapped.meanBatch()).isLessThan(15);
        assertThat(gapped.meanServiceS()).isGreaterThan(ideal.meanServiceS() * 1.05);
        assertThat(gapped.goodput().mean()).isLessThan(ideal.goodput().mean());
        // one session has no gaps: the pass costs change nothing, draw for draw
        assertThat(run(WITH_PASSES, 1, 0.5).goodput().mean()).isEqualTo(run(WITHOUT, 1, 0.5).goodput().mean());
        // clients in lock-step fill slots 0..15 in every batch: one pass each
        SimResult lockStep = run(WITH_PASSES, 16, 0);
        assertThat(lockStep.meanServiceS()).isCloseTo(run(WITHOUT, 16, 0).meanServiceS(), Offset.offset(1e-12));
    }
}
