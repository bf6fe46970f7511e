package org.configspec.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.configspec.core.catalog.Catalog;
import org.configspec.core.catalog.CatalogReader;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.core.model.ModelOptions;
import org.configspec.core.space.Candidate;
import org.configspec.serve.client.PolicyKind;
import org.junit.jupiter.api.Test;

/**
 * --optimize: each draft's best K is one the profile covers and beats every other K of that draft at that point; the
 * best draft is the best of the drafts; and when a verifier's cost grows with the tokens it verifies, crowding it
 * moves the goodput-optimal K down (without crowding, K is chosen for the round trip; crowded, for the verifier's
 * tokens per committed token).
 */
class OptimizationTest {
    private static final ModelOptions PAPER = ModelOptions.paper();
    private static final Catalog CATALOG = CatalogReader.paper();

    private static Candidate qwen06() {
        return Selection.candidate(CATALOG, PAPER, "Qwen3-32B", "RPi 5", "Qwen3-0.6B", "Q8_0");
    }

    private static SimConfig base(ServiceTime service) {
        return new SimConfig(Clients.of(qwen06(), PAPER, PolicyKind.FIXED, 4), 1, 1, 600, 3, new Batching(16, 0.005),
                service, new RttModel.Constant(0.05));
    }

    @Test
    void theBestKOfEachDraftBeatsItsOtherKsAndTheBestDraftIsTheBestOfThem() {
        SimConfig b = base(ServiceTime.paper(0.5));
        List<Candidate> drafts = Optimization.drafts(CATALOG, PAPER, qwen06(), true);
        assertThat(drafts).hasSizeGreaterThan(1);
        Optimization.Point p = Optimization.run(b, null, drafts, PAPER).get(0);
        assertThat(p.drafts()).hasSize(drafts.size());
        for (Optimization.DraftBest d : p.drafts()) {
            assertThat(d.goodput()).isLessThanOrEqualTo(p.best().goodput());
        }
        Optimization.DraftBest q = p.drafts().stream().filter(d -> d.draft().equals("Qwen3-0.6B Q8_0")).findFirst()
                .orElseThrow();
        for (int k = PAPER.kMin(); k <= PAPER.kMax(); k++) {
            double g = Simulation.run(b.withClient(b.client().withPolicy(PolicyKind.FIXED, k))).goodput().mean();
            assertThat(g).as("K = " + k).isLessThanOrEqualTo(q.goodput());
        }
    }

    @Test
    void aCrowdedVerifierWhoseCostGrowsWithTokensMovesTheBestKDown() {
        // 400 ms + 10 ms per token: alone, the fixed cost dominates a round; in batches of 16, the tokens do
        SimConfig b = base(new ServiceTime(0.4, 0.01, 0));
        List<Candidate> one = Optimization.drafts(CATALOG, PAPER, qwen06(), false);
        List<Optimization.Point> pts = Optimization.run(b, Sweep.parse("clients=1,200"), one, PAPER);
        assertThat(pts.get(1).best().k()).as(Optimization.table(pts)).isLessThan(pts.get(0).best().k());
        assertThat(Optimization.table(pts)).contains("clients").contains("Qwen3-0.6B Q8_0");
    }

    @Test
    void anUnknownOptimizeValueIsOneLine() {
        assertThat(Optimization.overDrafts("k")).isFalse();
        assertThat(Optimization.overDrafts("draft,k")).isTrue();
        assertThatThrownBy(() -> Optimization.overDrafts("draft")).isInstanceOf(ConfigSpecException.class)
                .hasMessage("--optimize 'draft': allowed k or k,draft");
    }
}
