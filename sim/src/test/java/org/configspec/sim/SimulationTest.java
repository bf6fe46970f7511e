package org.configspec.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.configspec.core.catalog.CatalogReader;
import org.configspec.core.model.ModelOptions;
import org.configspec.core.space.Evaluation;
import org.configspec.core.space.EvaluationTable;
import org.configspec.core.space.Evaluator;
import org.configspec.core.space.JointSpace;
import org.configspec.core.space.SpaceFilter;
import org.configspec.serve.client.PolicyKind;
import org.junit.jupiter.api.Test;

class SimulationTest {
    private static final ModelOptions PAPER = ModelOptions.paper();
    private static final EvaluationTable TABLE =
            Evaluator.evaluate(JointSpace.of(CatalogReader.paper(), PAPER, SpaceFilter.all()));
    /** Two-sided 99% normal quantile. */
    private static final double Z99 = 2.5758293035489;

    private static SimConfig lone(Evaluation e, PolicyKind p, double durationS, long seed) {
        ClientSpec c = Clients.of(TABLE.space().candidates().get(TABLE.candidateIndex(TABLE.indexOf(e))), PAPER, p, e.k());
        return new SimConfig(c, 1, 1, durationS, seed, Batching.serveDefaults(),
                ServiceTime.paper(ModelOptions.PAPER_T_VERIFY_S), new RttModel.Constant(0));
    }

    private static double roundSeconds(Evaluation e) {
        return e.draftS() + e.verifyS();
    }

    @Test
    void oneClientWithoutContentionAgreesWithTheAnalyticModelForEveryPaperConfiguration() {
        assertThat(TABLE).hasSizeGreaterThan(20);
        List<String> outside = new ArrayList<>();
        for (Evaluation e : TABLE) {
            double duration = 20_000 * roundSeconds(e);
            SimResult r = Simulation.run(lone(e, PolicyKind.FIXED, duration, 7));
            assertThat(r.rounds()).isBetween(19_999L, 20_000L);
            double g = r.goodput().mean();
            // round time is the constant K / r_d + T_v: the CI of the goodput is the CI of E(K) over it
            double half = Z99 * r.tokensPerRoundSd() / Math.sqrt(r.rounds()) / roundSeconds(e);
            if (Math.abs(g - e.goodput()) > half) {
                outside.add(e.configuration() + ": simulated " + g + " ± " + half + ", analytic " + e.goodput());
            }
        }
        assertThat(outside).isEmpty();
    }

    @Test
    void theSameSeedGivesTheSameRunAndAnotherSeedADifferentOne() {
        Evaluation e = TABLE.get(0);
        SimConfig many = lone(e, PolicyKind.BANDIT, 120, 11).withClients(50).withVerifiers(2)
                .withRtt(new RttModel.LogNormal(0.05, 0.5));
        SimResult a = Simulation.run(many);
        SimResult b = Simulation.run(many);
        SimResult c = Simulation.run(new SimConfig(many.client(), 50, 2, 120, 12, many.batching(), many.service(), many.rtt()));
        assertThat(b).isEqualTo(a);
        assertThat(c.goodput()).isNotEqualTo(a.goodput());
    }

    @Test
    void queueingDelayGrowsWithClientsForAFixedVerifierPool() {
        Evaluation e = TABLE.get(0);
        // a lognormal round trip keeps the clients from drafting in lock-step (which would batch perfectly)
        SimConfig base = lone(e, PolicyKind.FIXED, 300, 3).withVerifiers(2).withRtt(new RttModel.LogNormal(0.03, 0.5));
        double previous = -1;
        double previousGoodput = Double.MAX_VALUE;
        for (int n : new int[] {2, 16, 64, 256}) {
            SimResult r = Simulation.run(base.withClients(n));
            assertThat(r.queueDelayS().mean()).as("mean queueing delay at %d clients", n).isGreaterThan(previous);
            assertThat(r.goodput().mean()).as("goodput per client at %d clients", n).isLessThanOrEqualTo(previousGoodput);
            previous = r.queueDelayS().mean();
            previousGoodput = r.goodput().mean();
        }
        assertThat(Simulation.run(base.withClients(256)).utilisation()).isGreaterThan(0.95);
    }

    @Test
    void theBanditReachesTheBestFixedKOnASteadyConfiguration() {
        // every draft × device of the paper's catalog with its target: best fixed K vs the bandit over K in 1..kMax
        for (int ci = 0; ci < TABLE.space().candidates().size(); ci += 3) {
            var cand = TABLE.space().candidates().get(ci);
            double best = 0;
            for (int k = 1; k <= PAPER.kMax(); k++) {
                ClientSpec fixed = Clients.of(cand, PAPER, PolicyKind.FIXED, k);
                best = Math.max(best, Simulation.run(config(fixed)).goodput().mean());
            }
            ClientSpec bandit = Clients.of(cand, PAPER, PolicyKind.BANDIT, 2);
            double learned = Simulation.run(config(bandit)).goodput().mean();
            assertThat(learned).as(bandit.name()).isGreaterThanOrEqualTo(0.95 * best);
        }
    }

    @Test
    void thePolicyComparisonMeasuresRegretAgainstTheBestFixedK() {
        ClientSpec c = Clients.of(TABLE.space().candidates().get(0), PAPER, PolicyKind.FIXED, 4);
        List<PolicyComparison.Row> rows = PolicyComparison.run(config(c));
        assertThat(rows).hasSize(PAPER.kMax() + PolicyKind.values().length - 1);
        assertThat(rows.subList(0, PAPER.kMax())).extracting(PolicyComparison.Row::regret)
                .allSatisfy(r -> assertThat(r).isGreaterThanOrEqualTo(0.0)).contains(0.0);
        assertThat(rows.get(rows.size() - 1).policy()).startsWith("tracking");
    }

    private static SimConfig config(ClientSpec c) {
        return new SimConfig(c, 1, 1, 3_000, 5, Batching.serveDefaults(), ServiceTime.paper(0.5), new RttModel.Constant(0.02));
    }
}
