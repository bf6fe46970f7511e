package org.configspec.core.select;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.configspec.core.space.Evaluation;

/**
 * The weighted choice: each objective is normalised to [0, 1] over the feasible configurations (1 = best: highest
 * goodput, most tokens per $, fewest J per token; 0 when all are equal), and the configuration with the largest
 * weighted mean wins; ties by the ranking's tie-break. With positive weights the winner is Pareto-optimal.
 */
public final class WeightedChoice {
    private WeightedChoice() {
    }

    public static Optional<Evaluation> choose(List<Evaluation> feasible, List<Objective> objectives, Weights weights) {
        if (feasible.isEmpty()) {
            return Optional.empty();
        }
        int m = objectives.size();
        double[] lo = new double[m];
        double[] hi = new double[m];
        for (int j = 0; j < m; j++) {
            Objective o = objectives.get(j);
            lo[j] = feasible.stream().mapToDouble(o::value).min().orElse(0);
            hi[j] = feasible.stream().mapToDouble(o::value).max().orElse(0);
        }
        Comparator<Evaluation> byScore = Comparator.comparingDouble((Evaluation e) -> -score(e, objectives, weights, lo, hi))
                .thenComparing(Ranking.tieBreak());
        return feasible.stream().min(byScore);
    }

    /** The weighted mean of the normalised objectives, in [0, 1]. */
    public static double score(Evaluation e, List<Objective> objectives, Weights w, double[] lo, double[] hi) {
        double sum = 0;
        double total = 0;
        for (int j = 0; j < objectives.size(); j++) {
            Objective o = objectives.get(j);
            double range = hi[j] - lo[j];
            double v = o.value(e);
            double norm = range == 0 ? 0 : (o.maximise() ? (v - lo[j]) / range : (hi[j] - v) / range);
            sum += w.of(o) * norm;
            total += w.of(o);
        }
        return total == 0 ? 0 : sum / total;
    }
}
