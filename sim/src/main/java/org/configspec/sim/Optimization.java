package org.configspec.sim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.configspec.core.catalog.Catalog;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.core.model.ModelOptions;
import org.configspec.core.space.Candidate;
import org.configspec.core.space.JointSpace;
import org.configspec.core.space.SpaceFilter;
import org.configspec.serve.client.PolicyKind;

/**
 * {@code simulate --optimize k|k,draft}: at every load point (each value of the sweep, or the one configuration) the
 * fixed K — and, with {@code draft}, the draft of the catalog for the same target and device — with the highest mean
 * goodput per client. K runs over the options' K range where the draft's acceptance profile covers it (no
 * extrapolated acceptance); every simulation of a point uses the same seed.
 */
public final class Optimization {
    /** One draft's best K at one load point. */
    public record DraftBest(String draft, int k, double goodput) {
    }

    /** One load point: the best of each draft, best first. */
    public record Point(SimConfig config, List<DraftBest> drafts) {
        public Point {
            drafts = List.copyOf(drafts);
        }

        public DraftBest best() {
            return drafts.get(0);
        }
    }

    private Optimization() {
    }

    /** Parses --optimize: "k" or "k,draft" (in either order); true when drafts are optimised too. */
    public static boolean overDrafts(String text) {
        Set<String> parts = Set.of(text.trim().split("\\s*,\\s*"));
        if (!parts.contains("k") || !Set.of("k", "draft").containsAll(parts)) {
            throw new ConfigSpecException("--optimize '" + text + "': allowed k or k,draft");
        }
        return parts.contains("draft");
    }

    /** The drafts to compare: {@code chosen} alone, or every draft the catalog profiles on its target and device. */
    public static List<Candidate> drafts(Catalog c, ModelOptions o, Candidate chosen, boolean overDrafts) {
        if (!overDrafts) {
            return List.of(chosen);
        }
        SpaceFilter f = new SpaceFilter(Set.of(chosen.target().name()), Set.of(chosen.device().name()), Set.of(),
                Set.of(), SpaceFilter.DEFAULT_HEADROOM);
        return JointSpace.of(c, o, f).candidates();
    }

    public static List<Point> run(SimConfig base, Sweep sweep, List<Candidate> drafts, ModelOptions o) {
        List<SimConfig> points = sweep == null ? List.of(base) : sweep.configs(base);
        List<Point> out = new ArrayList<>();
        for (SimConfig p : points) {
            List<DraftBest> best = new ArrayList<>();
            for (Candidate d : drafts) {
                ClientSpec spec = Clients.of(d, o, PolicyKind.FIXED, Math.min(o.kMin(), o.kMax()));
                DraftBest b = null;
                for (int k = Math.max(1, o.kMin()); k <= o.kMax(); k++) {
                    if (spec.acceptance().extrapolated(k)) {
                        continue;
                    }
                    double g = Simulation.run(p.withClient(spec.withPolicy(PolicyKind.FIXED, k))).goodput().mean();
                    if (b == null || g > b.goodput()) {
                        b = new DraftBest(name(d), k, g);
                    }
                }
                if (b != null) {
                    best.add(b);
                }
            }
            if (best.isEmpty()) {
                throw new ConfigSpecException("--optimize: no draft has acceptance measured for K " + o.kMin() + ".."
                        + o.kMax());
            }
            best.sort(Comparator.comparingDouble(DraftBest::goodput).reversed());
            out.add(new Point(p, best));
        }
        return out;
    }

    private static String name(Candidate c) {
        return c.draft().name() + " " + c.draft().quant();
    }

    /** Per load point: clients, verifiers, the best draft and K with its goodput, then every draft's best K. */
    public static String table(List<Point> points) {
        StringBuilder b = new StringBuilder();
        SimConfig first = points.get(0).config();
        b.append("optimised: fixed K (and draft) with the highest mean goodput per client; ")
                .append(first.client().name()).append('\n');
        b.append("setup: ").append(Text.num(first.durationS())).append(" s simulated, seed ").append(first.seed())
                .append("; batching: max ").append(first.batching().maxBatch()).append(", wait ")
                .append(Text.ms(first.batching().maxWaitS())).append("; service time: ").append(first.service().describe())
                .append("; RTT: ").append(first.rtt().describe()).append('\n');
        b.append(String.format(Locale.ROOT, "%8s %9s  %-22s %3s %10s  %s%n", "clients", "verifiers", "best draft",
                "K*", "good tok/s", "each draft: K* (goodput)"));
        for (Point p : points) {
            DraftBest best = p.best();
            StringBuilder each = new StringBuilder();
            for (DraftBest d : p.drafts()) {
                each.append(each.length() == 0 ? "" : "; ").append(d.draft()).append(": ").append(d.k()).append(" (")
                        .append(Text.num(d.goodput())).append(')');
            }
            b.append(String.format(Locale.ROOT, "%8d %9d  %-22s %3d %10s  %s%n", p.config().clients(),
                    p.config().verifiers(), best.draft(), best.k(), Text.num(best.goodput()), each));
        }
        return b.toString();
    }
}
