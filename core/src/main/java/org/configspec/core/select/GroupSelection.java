package org.configspec.core.select;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.configspec.core.space.Evaluation;

/**
 * The selection for one target × device.
 *
 * @param target      target name
 * @param device      device name
 * @param evaluated   configurations evaluated
 * @param feasible    configurations meeting the constraints
 * @param excluded    configurations excluded, by reason
 * @param optima      the best feasible configuration per objective (energy absent where power is unknown)
 * @param objectives  the objectives the Pareto front is over
 * @param pareto      the feasible configurations no other feasible configuration dominates, best goodput first
 * @param weighted    the weighted choice, empty where nothing is feasible
 */
public record GroupSelection(String target, String device, int evaluated, int feasible, Map<String, Integer> excluded,
                             Map<Objective, Evaluation> optima, List<Objective> objectives, List<Evaluation> pareto,
                             Optional<Evaluation> weighted) {
    public Optional<Evaluation> optimum(Objective o) {
        return Optional.ofNullable(optima.get(o));
    }
}
