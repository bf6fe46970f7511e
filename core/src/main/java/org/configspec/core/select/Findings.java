package org.configspec.core.select;

import java.util.ArrayList;
import java.util.List;
import org.configspec.core.space.Evaluation;
import org.configspec.core.space.EvaluationTable;

/** Derives the paper's qualitative findings from a selection: which draft and which K each objective prefers. */
public final class Findings {
    private Findings() {
    }

    public static List<Finding> of(EvaluationTable table, List<GroupSelection> groups) {
        List<Finding> out = new ArrayList<>();
        for (GroupSelection g : groups) {
            double minParams = Double.POSITIVE_INFINITY;
            double maxParams = Double.NEGATIVE_INFINITY;
            double maxSpeed = Double.NEGATIVE_INFINITY;
            for (Evaluation e : table) {
                if (e.target().equals(g.target()) && e.device().equals(g.device())) {
                    minParams = Math.min(minParams, e.candidate().draft().paramsB());
                    maxParams = Math.max(maxParams, e.candidate().draft().paramsB());
                    maxSpeed = Math.max(maxSpeed, e.candidate().tokPerS());
                }
            }
            for (Objective o : g.objectives()) {
                var best = g.optimum(o);
                if (best.isEmpty()) {
                    continue;
                }
                Evaluation b = best.get();
                double params = b.candidate().draft().paramsB();
                out.add(new Finding(g.target(), g.device(), o, b, params == minParams, params == maxParams,
                        b.candidate().tokPerS() == maxSpeed));
            }
        }
        return out;
    }
}
