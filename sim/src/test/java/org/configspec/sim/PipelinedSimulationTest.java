package org.configspec.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.configspec.core.acceptance.PerPositionCurve;
import org.configspec.core.catalog.CatalogReader;
import org.configspec.core.model.AnalyticModel;
import org.configspec.core.model.ModelOptions;
import org.configspec.core.model.RoundSchedule;
import org.configspec.core.space.Candidate;
import org.configspec.core.space.Evaluation;
import org.configspec.core.space.EvaluationTable;
import org.configspec.core.space.Evaluator;
import org.configspec.core.space.JointSpace;
import org.configspec.core.space.SpaceFilter;
import org.configspec.serve.client.PolicyKind;
import org.junit.jupiter.api.Test;

/**
 * Protects the simulator's pipelined clients against core's pipelined round (AnalyticModel#pipelinedRoundSeconds):
 * one client, a verifier that is never busy and a constant T_v, over every configuration of the paper's catalog and
 * a per-position profile.
 */
class PipelinedSimulationTest {
    private static final ModelOptions PIPELINED = ModelOptions.paper().withSchedule(RoundSchedule.PIPELINED);
    private static final EvaluationTable TABLE =
            Evaluator.evaluate(JointSpace.of(CatalogReader.paper(), PIPELINED, SpaceFilter.all()));
    private static final int SEEDS = 20;
    private static final int ROUNDS = 500;
    /** Two-sided 99.9 % quantile of Student's t with SEEDS − 1 = 19 degrees of freedom. */
    private static final double T999 = 3.883;

    private static SimConfig lone(Candidate c, ModelOptions o, int k, double tvS, double durationS, long seed) {
        return new SimConfig(Clients.of(c, o, PolicyKind.FIXED, k), 1, 1, durationS, seed, Batching.serveDefaults(),
                ServiceTime.paper(tvS), new RttModel.Constant(0));
    }

    /** Goodput and J per token of the simulation: means over SEEDS independent runs, with their t-interval half-widths. */
    private static double[] simulated(Candidate c, ModelOptions o, int k, double tvS, double roundS) {
        double[] g = new double[SEEDS];
        double[] j = new double[SEEDS];
        for (int s = 0; s < SEEDS; s++) {
            SimResult r = Simulation.run(lone(c, o, k, tvS, ROUNDS * roundS, 100 + s));
            g[s] = r.goodput().mean();
            j[s] = r.joulesPerToken();
        }
        return new double[] {mean(g), T999 * sd(g) / Math.sqrt(SEEDS), mean(j), T999 * sd(j) / Math.sqrt(SEEDS)};
    }

    @Test
    void oneClientWithoutContentionAgreesWithThePipelinedRoundForEveryPaperConfiguration() {
        assertThat(TABLE).hasSizeGreaterThan(300);
        List<String> outside = new ArrayList<>();
        for (Evaluation e : TABLE) {
            Candidate c = e.candidate();
            double roundS = e.tokensPerRound() / e.goodput();
            double[] s = simulated(c, PIPELINED, e.k(), e.verifyS(), roundS);
            if (Math.abs(s[0] - e.goodput()) > s[1]) {
                outside.add(e.configuration() + ": goodput simulated " + s[0] + " ± " + s[1] + ", analytic " + e.goodput());
            }
            if (e.energyKnown() && Math.abs(s[2] - e.joulesPerToken()) > s[3]) {
                outside.add(e.configuration() + ": J/token simulated " + s[2] + " ± " + s[3] + ", analytic " + e.joulesPerToken());
            }
        }
        assertThat(outside).isEmpty();
    }

    @Test
    void aPerPositionProfileAgreesAcrossTheOverlapRegimes() {
        // P(L ≥ i) measured to i = 7: K up to 6 has q = P(L ≥ K+1); 25 tok/s against T_v from one decode to past K + 1
        PerPositionCurve curve = new PerPositionCurve(new double[] {0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3});
        Candidate paper = TABLE.get(0).candidate();
        Candidate c = new Candidate(paper.target(), paper.device(), paper.draft(), paper.profile(), curve, 25,
                paper.powerW(), paper.idleW());
        List<String> outside = new ArrayList<>();
        for (double tv : new double[] {0.03, 0.1, 0.15, 0.23, 0.5}) {
            ModelOptions o = new ModelOptions(1, 7, org.configspec.core.acceptance.AcceptanceMode.POSITION,
                    org.configspec.core.model.VerifyTime.constant(tv), new org.configspec.core.model.Billing.Paper(),
                    org.configspec.core.model.EnergyOptions.draftingOnly(), RoundSchedule.PIPELINED);
            EvaluationTable t = Evaluator.evaluate(JointSpace.ofCandidates(List.of(c), o));
            assertThat(t).hasSize(6); // K = 7 has no P(L ≥ 8)
            for (Evaluation e : t) {
                double[] s = simulated(c, o, e.k(), tv, e.tokensPerRound() / e.goodput());
                if (Math.abs(s[0] - e.goodput()) > s[1]) {
                    outside.add("T_v " + tv + " K " + e.k() + ": simulated " + s[0] + " ± " + s[1] + ", analytic " + e.goodput());
                }
            }
        }
        assertThat(outside).isEmpty();
    }

    @Test
    void aGuessThatAlwaysHoldsLeavesOnlyTheVerifyAndOneThatNeverHoldsLeavesTheSequentialRound() {
        Candidate paper = TABLE.get(0).candidate();
        // every token accepted: q = 1; 10 tok/s, K = 3, T_v = 0.5 s ≥ 4 decodes: every round takes exactly T_v
        Candidate sure = new Candidate(paper.target(), paper.device(), paper.draft(), paper.profile(),
                new PerPositionCurve(new double[] {1, 1, 1, 1, 1}), 10, paper.powerW(), paper.idleW());
        SimResult all = Simulation.run(lone(sure, PIPELINED.withKRange(1, 4), 3, 0.5, 100, 1));
        // the first round drafts its 3 tokens first: 0.3 s, then 199 rounds of 0.5 s and one cut at 100 s
        assertThat(all.rounds()).isEqualTo(199);
        assertThat(all.goodput().mean()).isCloseTo(199 * 4 / 100.0, within(1e-9));
        // nothing accepted: q = 0; T_v = 0.5 s is 5 decodes exactly, so no decode is cut short: K / r_d + T_v
        Candidate never = new Candidate(paper.target(), paper.device(), paper.draft(), paper.profile(),
                new PerPositionCurve(new double[] {0, 0, 0, 0, 0}), 10, paper.powerW(), paper.idleW());
        SimResult none = Simulation.run(lone(never, PIPELINED.withKRange(1, 4), 3, 0.5, 80, 1));
        assertThat(none.rounds()).isEqualTo(100);
        assertThat(none.goodput().mean()).isCloseTo(100 / 80.0, within(1e-9));
        assertThat(AnalyticModel.pipelinedRoundSeconds(3, 10, 0.5, 0)).isCloseTo(0.8, within(1e-12));
    }

    @Test
    void theSameSeedGivesTheSameRunAndPipeliningChangesIt() {
        Evaluation e = TABLE.get(0);
        SimConfig many = lone(e.candidate(), PIPELINED, e.k(), 0.5, 120, 11).withClients(50).withVerifiers(2)
                .withRtt(new RttModel.LogNormal(0.05, 0.5));
        assertThat(Simulation.run(many)).isEqualTo(Simulation.run(many));
        SimConfig sequential = many.withClient(many.client().withPipelined(false));
        assertThat(Simulation.run(sequential).goodput()).isNotEqualTo(Simulation.run(many).goodput());
        assertThat(SimOutput.analyticGoodput(lone(e.candidate(), PIPELINED, e.k(), e.verifyS(), 1, 1)))
                .isCloseTo(e.goodput(), within(1e-9 * e.goodput()));
        assertThat(SimOutput.table(List.of(Simulation.run(many)), null)).contains("rounds pipelined");
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    private static double sd(double[] x) {
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / (x.length - 1));
    }
}
