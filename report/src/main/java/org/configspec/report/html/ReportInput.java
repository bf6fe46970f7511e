package org.configspec.report.html;

import java.util.List;
import org.configspec.core.catalog.Catalog;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.core.model.ModelOptions;
import org.configspec.core.select.Constraints;
import org.configspec.core.select.Selector;
import org.configspec.core.select.Weights;
import org.configspec.core.space.EvaluationTable;
import org.configspec.core.space.Evaluator;
import org.configspec.core.space.JointSpace;
import org.configspec.core.space.SpaceFilter;
import org.configspec.core.sweep.SweepRow;
import org.configspec.core.sweep.Sweeper;
import org.configspec.core.validation.StoredValidation;
import org.configspec.report.SelectionResult;

/**
 * Everything the HTML report shows, computed with the same result model as {@code select} (the evaluation table and
 * the {@link SelectionResult}), {@code sweep} ({@link SweepRow}) and {@code catalog} (the {@link Catalog} itself).
 *
 * @param catalog   the catalog the figures come from
 * @param table     every evaluated configuration (what {@code select --all} prints)
 * @param selection the selection per target × device (what {@code select --pareto} prints)
 * @param sweep     goodput-optimal K versus T_v (what {@code sweep} prints)
 * @param notices   warnings about the profiles (e.g. measured on a busy machine), shown in the header
 * @param validations stored validation runs (predicted vs measured), of the targets and devices the filter keeps
 */
public record ReportInput(Catalog catalog, EvaluationTable table, SelectionResult selection, List<SweepRow> sweep,
                          List<String> notices, List<StoredValidation> validations) {
    /** The authors' T_v sweep, the default of {@code configspec sweep}. */
    public static final List<Double> SWEEP_T_VERIFY_S = List.of(0.1, 0.2, 0.5, 1.0, 2.0);

    public ReportInput {
        notices = List.copyOf(notices);
        sweep = List.copyOf(sweep);
        validations = List.copyOf(validations);
    }

    /**
     * Evaluates {@code catalog} under {@code options} and {@code filter} and selects as {@code select --pareto} does
     * with its default constraints (the draft must fit the device) and the given weights; {@code validations} are
     * the stored validation runs (none for a catalog).
     */
    public static ReportInput of(Catalog catalog, ModelOptions options, SpaceFilter filter, Weights weights,
                                 List<String> notices, List<StoredValidation> validations) {
        EvaluationTable table = Evaluator.evaluate(JointSpace.of(catalog, options, filter));
        if (table.isEmpty()) {
            throw new ConfigSpecException("nothing to report: no target × device × draft in catalog '" + catalog.name()
                    + "' has both a draft profile and an acceptance profile for K " + options.kMin() + ".." + options.kMax());
        }
        Constraints constraints = new Constraints(Double.NaN, Double.NaN, Double.NaN, true);
        SelectionResult selection = new SelectionResult(catalog.name(), options, constraints, "fits device memory", weights,
                Selector.select(table, constraints, weights), true);
        List<StoredValidation> kept = validations.stream().filter(v -> (filter.targets().isEmpty()
                || filter.targets().contains(v.target())) && (filter.devices().isEmpty() || filter.devices().contains(v.device())))
                .toList();
        return new ReportInput(catalog, table, selection, Sweeper.sweep(catalog, options, filter, SWEEP_T_VERIFY_S), notices,
                kept);
    }
}
