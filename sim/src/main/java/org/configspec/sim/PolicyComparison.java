package org.configspec.sim;

import java.util.ArrayList;
import java.util.List;
import org.configspec.serve.client.PolicyKind;

/**
 * The K policies of one scenario side by side: every fixed K in 1..kMax and each adaptive policy (starting at the
 * scenario's K), all with the same seed. Regret is measured against two references, (G_ref − G_policy) / G_ref of the
 * mean goodput per client:
 * <ul>
 *   <li>the best fixed K of the run (the one best K in hindsight); under a round trip that switches mid-run an
 *       adaptive policy can have negative regret against it (it beats every fixed K);</li>
 *   <li>the oracle: the best fixed K per phase of the link. With a scheduled switch ({@link RttModel.Switching} at T of
 *       a run of D seconds), every fixed K is also run on each phase's link alone (T seconds before, D − T after) and
 *       the oracle's goodput is (T · max_K G_before(K) + (D − T) · max_K G_after(K)) / D. On a steady link the oracle is
 *       the best fixed K of the run.</li>
 * </ul>
 */
public final class PolicyComparison {
    /** One policy's run; {@code regret} is relative to the best fixed K, {@code oracleRegret} to the per-phase oracle. */
    public record Row(String policy, SimResult result, double regret, double oracleRegret) {
    }

    /** The rows and the references they are measured against (goodput per client, tok/s). */
    public record Outcome(List<Row> rows, double bestFixed, double oracle, boolean phased) {
        public Outcome {
            rows = List.copyOf(rows);
        }
    }

    private PolicyComparison() {
    }

    public static List<Row> run(SimConfig base) {
        return compare(base).rows();
    }

    public static Outcome compare(SimConfig base) {
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
        boolean phased = base.rtt() instanceof RttModel.Switching s && s.atS() > 0 && s.atS() < base.durationS();
        double oracle = phased ? oracle(base, (RttModel.Switching) base.rtt()) : best;
        List<Row> rows = new ArrayList<>();
        for (SimResult r : runs) {
            double g = r.goodput().mean();
            rows.add(new Row(r.config().client().newPolicy(0).name(), r, (best - g) / best, (oracle - g) / oracle));
        }
        return new Outcome(rows, best, oracle, phased);
    }

    /** Time-weighted best fixed K of each phase, each phase run on its own link for its own length. */
    private static double oracle(SimConfig base, RttModel.Switching s) {
        double before = bestFixed(base.withRtt(s.before()).withDuration(s.atS()));
        double after = bestFixed(base.withRtt(s.after()).withDuration(base.durationS() - s.atS()));
        return (before * s.atS() + after * (base.durationS() - s.atS())) / base.durationS();
    }

    private static double bestFixed(SimConfig phase) {
        ClientSpec c = phase.client();
        double best = 0;
        for (int k = 1; k <= c.acceptance().maxK(); k++) {
            best = Math.max(best, Simulation.run(phase.withClient(c.withPolicy(PolicyKind.FIXED, k))).goodput().mean());
        }
        return best;
    }
}
