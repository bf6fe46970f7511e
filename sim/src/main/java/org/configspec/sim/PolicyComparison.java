package org.configspec.sim;

import java.util.ArrayList;
import java.util.List;
import org.configspec.serve.client.PolicyKind;

/**
 * The K policies of one scenario side by side: every fixed K in 1..kMax and each adaptive policy (starting at the
 * scenario's K), all with the same seed. Regret is measured against the best fixed K of the run (the oracle that
 * knows the one best K in hindsight): (G_best − G_policy) / G_best of the mean goodput per client. Under a round
 * trip that switches mid-run, an adaptive policy can have negative regret (it beats every fixed K).
 */
public final class PolicyComparison {
    /** One policy's run; {@code regret} is relative to the best fixed K. */
    public record Row(String policy, SimResult result, double regret) {
    }

    private PolicyComparison() {
    }

    public static List<Row> run(SimConfig base) {
        ClientSpec c = base.client();
        List<SimResult> runs = new ArrayList<>();
        double best = 0;
        for (int k = 1; k <= c.acceptance().maxK(); k++) {
            SimResult r = Simulation.run(base.withClient(c.withPolicy(PolicyKind.FIXED, k)));
            best = Math.max(best, r.goodput().mean());
            runs.add(r);
        }
        for (PolicyKind p : PolicyKind.values()) {
            if (p != PolicyKind.FIXED) {
                runs.add(Simulation.run(base.withClient(c.withPolicy(p, c.k()))));
            }
        }
        List<Row> rows = new ArrayList<>();
        for (SimResult r : runs) {
            rows.add(new Row(r.config().client().newPolicy(0).name(), r, (best - r.goodput().mean()) / best));
        }
        return rows;
    }
}
