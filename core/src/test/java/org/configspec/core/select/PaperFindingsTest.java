package org.configspec.core.select;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.configspec.core.catalog.CatalogReader;
import org.configspec.core.model.ModelOptions;
import org.configspec.core.space.EvaluationTable;
import org.configspec.core.space.Evaluator;
import org.configspec.core.space.JointSpace;
import org.configspec.core.space.SpaceFilter;
import org.junit.jupiter.api.Test;

/** Protects the paper's findings in paper mode on the built-in catalog (T_v = 0.5 s). */
class PaperFindingsTest {
    private final EvaluationTable table = Evaluator.evaluate(JointSpace.of(CatalogReader.paper(), ModelOptions.paper(), SpaceFilter.all()));
    private final List<GroupSelection> groups = Selector.select(table, Constraints.none(), Weights.equal());
    private final List<Finding> findings = Findings.of(table, groups);

    private Map<String, Finding> by(Objective o) {
        return findings.stream().filter(f -> f.objective() == o).collect(Collectors.toMap(f -> f.target() + "/" + f.device(), f -> f));
    }

    @Test
    void goodputIsBestWithTheSmallestDraftAtADeviceDependentK() {
        Map<String, Finding> g = by(Objective.GOODPUT);
        assertThat(g).hasSize(6);
        assertThat(g.values()).allMatch(Finding::smallest);
        assertThat(g.get("Qwen3-32B/RPi 4B").best().k()).isEqualTo(2);
        assertThat(g.get("Qwen3-32B/RPi 5").best().k()).isEqualTo(7);
        assertThat(g.get("Qwen3-32B/Jetson AGX Orin").best().k()).isEqualTo(10);
        assertThat(g.get("Qwen3-32B/Jetson AGX Orin").best().draft()).isEqualTo("Qwen3-0.6B");
        assertThat(g.get("Llama-3.1-70B/RPi 4B").best().k()).isEqualTo(2);
        assertThat(g.get("Llama-3.1-70B/Jetson AGX Orin").best().k()).isEqualTo(8);
        // the Qwen3 optimum is the fastest draft on every device
        assertThat(g.values().stream().filter(f -> f.target().equals("Qwen3-32B"))).allMatch(Finding::fastest);
    }

    @Test
    void costIsBestAtKTwoWithTheLargestDraft() {
        Map<String, Finding> c = by(Objective.COST);
        assertThat(c).hasSize(6);
        assertThat(c.values()).allMatch(f -> f.best().k() == 2).allMatch(Finding::largest);
    }

    @Test
    void energyIsBestAtKTwoWithTheSmallestDraftWherePowerIsKnown() {
        Map<String, Finding> e = by(Objective.ENERGY);
        assertThat(e.keySet()).containsExactlyInAnyOrder("Qwen3-32B/RPi 5", "Qwen3-32B/Jetson AGX Orin",
                "Llama-3.1-70B/RPi 5", "Llama-3.1-70B/Jetson AGX Orin");
        assertThat(e.values()).allMatch(f -> f.best().k() == 2).allMatch(Finding::smallest);
    }
}
