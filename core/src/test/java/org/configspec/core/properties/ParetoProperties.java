package org.configspec.core.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.configspec.core.acceptance.AcceptanceMode;
import org.configspec.core.acceptance.IidCurve;
import org.configspec.core.model.Billing;
import org.configspec.core.model.EnergyOptions;
import org.configspec.core.model.ModelOptions;
import org.configspec.core.model.VerifyTime;
import org.configspec.core.select.Constraints;
import org.configspec.core.select.GroupSelection;
import org.configspec.core.select.Objective;
import org.configspec.core.select.ParetoFront;
import org.configspec.core.select.Selector;
import org.configspec.core.select.Weights;
import org.configspec.core.space.Candidate;
import org.configspec.core.space.Evaluation;
import org.configspec.core.space.EvaluationTable;
import org.configspec.core.testing.Fixtures;

/** The Pareto set holds no dominated point and misses no non-dominated one, against brute force. */
class ParetoProperties {
    record Spec(double a, double r, double p, double price) {
    }

    @Provide
    Arbitrary<List<Spec>> specs() {
        // coarse grids so that ties (equal objective values) occur often
        Arbitrary<Spec> one = net.jqwik.api.Combinators.combine(
                Arbitraries.of(0.2, 0.4, 0.5, 0.6, 0.8), Arbitraries.of(2.0, 5.0, 10.0, 40.0),
                Arbitraries.of(4.0, 8.0, 30.0), Arbitraries.of(0.5, 0.9)).as(Spec::new);
        return one.list().ofMinSize(1).ofMaxSize(12);
    }

    @Property(tries = 300)
    void paretoFrontEqualsBruteForce(@ForAll("specs") List<Spec> specs, @ForAll @IntRange(min = 1, max = 6) int kMax) {
        List<Candidate> cs = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            Spec s = specs.get(i);
            cs.add(Fixtures.candidate("d" + i, new IidCurve(s.a()), s.r(), s.p(), s.price()));
        }
        ModelOptions o = new ModelOptions(1, kMax, AcceptanceMode.ALPHA, VerifyTime.constant(0.3), new Billing.Paper(),
                EnergyOptions.draftingOnly());
        EvaluationTable table = Fixtures.evaluate(cs, o);
        List<Evaluation> all = new ArrayList<>(table);
        List<Objective> objectives = List.of(Objective.values());
        List<Evaluation> front = ParetoFront.of(all, objectives);
        for (Evaluation e : all) {
            boolean dominated = all.stream().anyMatch(x -> bruteDominates(x, e));
            assertThat(front.contains(e)).as("k=%d draft=%s dominated=%s", e.k(), e.draft(), dominated).isEqualTo(!dominated);
        }
        GroupSelection g = Selector.select(table, Constraints.none(), new Weights(1, 2, 0.5)).get(0);
        assertThat(g.pareto()).containsExactlyInAnyOrderElementsOf(front);
        // optima and a positive-weight choice are Pareto-optimal
        for (Objective obj : objectives) {
            assertThat(front).contains(g.optimum(obj).orElseThrow());
        }
        assertThat(front).contains(g.weighted().orElseThrow());
    }

    private static boolean bruteDominates(Evaluation a, Evaluation b) {
        boolean geq = a.goodput() >= b.goodput() && a.tokensPerUsd() >= b.tokensPerUsd() && a.joulesPerToken() <= b.joulesPerToken();
        boolean gt = a.goodput() > b.goodput() || a.tokensPerUsd() > b.tokensPerUsd() || a.joulesPerToken() < b.joulesPerToken();
        return geq && gt;
    }
}
