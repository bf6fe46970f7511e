package org.configspec.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.configspec.core.acceptance.PerPositionCurve;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.serve.client.PolicyKind;
import org.junit.jupiter.api.Test;

/** A spread of each round's drafting time keeps the mean draft speed and lets identical clients fall out of step. */
class DraftSpreadTest {
    private static final ServiceTime FAST_VERIFIER = new ServiceTime(0.003, 0.00077, 0.0049);

    private static ClientSpec client(double sigma) {
        return new ClientSpec("spread", 500, Double.NaN, 0, false,
                new AcceptanceSampler(new PerPositionCurve(new double[] {0.9, 0.8, 0.7, 0.6}), 4), kk -> 0,
                PolicyKind.FIXED, 4, sigma);
    }

    private static SimResult run(double sigma, int clients) {
        return Simulation.run(new SimConfig(client(sigma), clients, 1, 600, 7, Batching.of(16, java.time.Duration.ofMillis(5)),
                FAST_VERIFIER, new RttModel.Constant(0.002)));
    }

    @Test
    void theSpreadKeepsOneClientsMeanGoodput() {
        double steady = run(0, 1).goodput().mean();
        double spread = run(0.4, 1).goodput().mean();
        assertThat(spread).isCloseTo(steady, org.assertj.core.data.Percentage.withPercentage(2));
    }

    @Test
    void identicalClientsStayInStepWithoutSpreadAndDriftApartWithIt() {
        SimResult inStep = run(0, 4);
        SimResult drifting = run(0.4, 4);
        assertThat(inStep.meanBatch()).isCloseTo(4.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(drifting.meanBatch()).isLessThan(3.8);
        assertThat(drifting.queueDelayS().mean()).isGreaterThan(inStep.queueDelayS().mean());
    }

    @Test
    void theBatchingWaitCountsAsQueueingDelayAsServeMeasuresIt() {
        // two clients out of step: the first verify of a batch waits up to max-wait (5 ms) for the other session;
        // serve's configspec_batch_wait_seconds counts that wait, so the simulator's queueing delay must too
        SimResult r = run(1.0, 2);
        assertThat(r.meanBatch()).isLessThan(1.9);
        assertThat(r.queueDelayS().p50()).isGreaterThan(0.004);
    }

    @Test
    void aNegativeSpreadIsOneLine() {
        assertThatThrownBy(() -> client(-0.1)).isInstanceOf(ConfigSpecException.class)
                .hasMessage("draft-time spread of spread = -0.1: allowed 0..10 (sigma of the log of a round's drafting time)");
    }
}
