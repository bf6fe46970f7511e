package org.configspec.core.select;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.configspec.core.space.Evaluation;
import org.configspec.core.space.EvaluationTable;

/**
 * Per target × device: drops configurations that violate the constraints, then picks the optimum per objective
 * ({@link Ranking}), the Pareto front ({@link ParetoFront}) and the weighted choice. Groups keep the catalog's
 * order of targets and devices. The energy objective takes part in a group only when every configuration in it
 * has a known power.
 */
public final class Selector {
    private Selector() {
    }

    public static List<GroupSelection> select(EvaluationTable table, Constraints constraints, Weights weights) {
        Map<String, List<Evaluation>> groups = new LinkedHashMap<>();
        for (Evaluation e : table) {
            groups.computeIfAbsent(e.candidate().group(), g -> new ArrayList<>()).add(e);
        }
        List<GroupSelection> out = new ArrayList<>();
        for (List<Evaluation> group : groups.values()) {
            out.add(selectGroup(group, constraints, weights));
        }
        return out;
    }

    static GroupSelection selectGroup(List<Evaluation> group, Constraints constraints, Weights weights) {
        List<Evaluation> feasible = new ArrayList<>();
        Map<String, Integer> excluded = new TreeMap<>();
        for (Evaluation e : group) {
            Optional<String> why = constraints.violation(e);
            if (why.isPresent()) {
                excluded.merge(why.get(), 1, Integer::sum);
            } else {
                feasible.add(e);
            }
        }
        boolean energy = group.stream().allMatch(Evaluation::energyKnown);
        List<Objective> objectives = energy ? List.of(Objective.values()) : List.of(Objective.GOODPUT, Objective.COST);
        Map<Objective, Evaluation> optima = new EnumMap<>(Objective.class);
        for (Objective o : objectives) {
            feasible.stream().min(Ranking.by(o)).ifPresent(best -> optima.put(o, best));
        }
        List<Evaluation> pareto = feasible.isEmpty() ? List.of() : ParetoFront.of(feasible, objectives);
        Optional<Evaluation> weighted = WeightedChoice.choose(feasible, objectives, weights);
        Evaluation any = group.get(0);
        return new GroupSelection(any.target(), any.device(), group.size(), feasible.size(), excluded, optima, objectives,
                pareto, weighted);
    }
}
