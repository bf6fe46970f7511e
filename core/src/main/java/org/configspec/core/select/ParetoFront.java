package org.configspec.core.select;

import java.util.ArrayList;
import java.util.List;
import org.configspec.core.space.Evaluation;

/**
 * The configurations no other configuration dominates over the given objectives. a dominates b when a is at
 * least as good on every objective and strictly better on one. Configurations with identical objective values do
 * not dominate each other, so all of them stay.
 */
public final class ParetoFront {
    private ParetoFront() {
    }

    /** The non-dominated configurations, best goodput first (ties by the ranking's tie-break). */
    public static List<Evaluation> of(List<Evaluation> points, List<Objective> objectives) {
        List<Evaluation> sorted = new ArrayList<>(points);
        Objective first = objectives.get(0);
        sorted.sort(Ranking.by(first));
        List<Evaluation> front = new ArrayList<>();
        for (Evaluation p : sorted) {
            boolean dominated = false;
            for (Evaluation q : front) {
                if (dominates(q, p, objectives)) {
                    dominated = true;
                    break;
                }
            }
            if (!dominated) {
                front.add(p);
            }
        }
        return front;
    }

    public static boolean dominates(Evaluation a, Evaluation b, List<Objective> objectives) {
        boolean strictly = false;
        for (Objective o : objectives) {
            int c = o.compare(a, b);
            if (c > 0) {
                return false;
            }
            if (c < 0) {
                strictly = true;
            }
        }
        return strictly;
    }
}
