package org.configspec.cli.commands;

import org.configspec.cli.options.CatalogOption;
import org.configspec.cli.options.FilterOptions;
import org.configspec.cli.options.ModelOptionsMixin;
import org.configspec.core.catalog.Catalog;
import org.configspec.core.model.ModelOptions;
import org.configspec.core.space.EvaluationTable;
import org.configspec.core.space.Evaluator;
import org.configspec.core.space.JointSpace;

/** The catalog, model options and filter of a command, evaluated: what select, explain and findings share. */
record Evaluated(Catalog catalog, ModelOptions options, JointSpace space, EvaluationTable table) {
    static Evaluated of(CatalogOption catalogOption, ModelOptionsMixin model, FilterOptions filter) {
        Catalog catalog = model.reprice(catalogOption.load(model));
        ModelOptions options = model.options(catalogOption.storedVerifyTime(targets(catalog, filter.get().targets()),
                model.contextTokens()));
        JointSpace space = JointSpace.of(catalog, options, filter.get());
        return new Evaluated(catalog, options, space, Evaluator.evaluate(space));
    }

    /** The targets an evaluation covers: those of {@code filter}, or every target of the catalog. */
    static java.util.Collection<String> targets(Catalog catalog, java.util.Set<String> filter) {
        return filter.isEmpty() ? catalog.targets().stream().map(org.configspec.core.domain.Target::name).toList()
                : filter;
    }
}
