package org.configspec.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.configspec.core.catalog.Catalog;
import org.configspec.core.catalog.CatalogReader;
import org.configspec.core.model.ModelOptions;
import org.configspec.serve.client.PolicyKind;
import org.junit.jupiter.api.Test;

/**
 * Adaptive K on the paper's catalog where the round trip matters: Qwen3-0.6B Q8_0 on the Jetson AGX Orin (80 tok/s)
 * against Qwen3-32B with a 20 ms verifier (the paper's 0.5 s T_v would drown a 20 vs 100 ms round trip). Its
 * goodput-optimal K is 2 at T_v = 40 ms (RTT 20 ms) and 7 at 120 ms (RTT 100 ms): {@code configspec sweep --device
 * "Jetson AGX Orin" --draft Qwen3-0.6B --quant Q8_0 --target Qwen3-32B --k-min 1 --t-verify-values 40ms,120ms}.
 * One client, one verifier, one simulated hour, K in 1..10.
 */
class AdaptiveKTest {
    private static final ModelOptions PAPER = ModelOptions.paper();
    private static final double T_VERIFY = 0.02;
    private static final double HOUR = 3600;

    private static SimConfig jetson(RttModel rtt) {
        Catalog c = CatalogReader.paper();
        var cand = Selection.candidate(c, PAPER, "Qwen3-32B", "Jetson AGX Orin", "Qwen3-0.6B", "Q8_0");
        ClientSpec spec = Clients.of(cand, PAPER, PolicyKind.FIXED, 4);
        return new SimConfig(spec, 1, 1, HOUR, 3, Batching.serveDefaults(), ServiceTime.paper(T_VERIFY), rtt);
    }

    @Test
    void onASteadyLinkEveryAdaptivePolicyIsWithinFivePercentOfTheBestFixedK() {
        PolicyComparison.Outcome o = PolicyComparison.compare(jetson(new RttModel.Constant(0.02)));
        assertThat(o.phased()).isFalse();
        assertThat(o.oracle()).isEqualTo(o.bestFixed());
        List<PolicyComparison.Row> adaptive = adaptive(o);
        assertThat(adaptive).extracting(PolicyComparison.Row::policy)
                .anySatisfy(p -> assertThat(p).startsWith("tracking")).hasSize(PolicyKind.values().length - 1);
        assertThat(adaptive).allSatisfy(r -> assertThat(r.regret()).as(r.policy()).isLessThan(0.05));
    }

    @Test
    void whenTheRoundTripSwitchesFrom20To100MsTheAdaptivePoliciesBeatEveryFixedK() {
        PolicyComparison.Outcome o = PolicyComparison.compare(jetson(
                new RttModel.Switching(new RttModel.Constant(0.02), new RttModel.Constant(0.1), HOUR / 2)));
        assertThat(o.phased()).isTrue();
        // the oracle switches from the best K of the first half to the best K of the second: more than any one K gets
        assertThat(o.oracle()).isGreaterThan(1.01 * o.bestFixed());
        PolicyComparison.Row tracking = o.rows().get(o.rows().size() - 1);
        assertThat(tracking.policy()).startsWith("tracking");
        PolicyComparison.Row optimal = adaptive(o).stream().filter(r -> r.policy().startsWith("optimal")).findFirst()
                .orElseThrow();
        // the two policies that track the round trip beat the best fixed K (negative regret) and come closer to the
        // oracle than every other policy (backoff reacts to acceptance only, the bandit's posteriors hold the old link)
        for (PolicyComparison.Row tracker : List.of(tracking, optimal)) {
            assertThat(tracker.regret()).as(tracker.policy()).isLessThan(-0.01);
            assertThat(tracker.oracleRegret()).as(tracker.policy()).isBetween(-0.01, 0.02);
            assertThat(o.rows()).filteredOn(r -> r != tracking && r != optimal).allSatisfy(r -> assertThat(
                    r.oracleRegret()).as(r.policy()).isGreaterThan(tracker.oracleRegret()));
        }
    }

    private static List<PolicyComparison.Row> adaptive(PolicyComparison.Outcome o) {
        return o.rows().stream().filter(r -> !r.policy().startsWith("fixed")).toList();
    }
}
