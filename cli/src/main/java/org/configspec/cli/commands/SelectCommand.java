package org.configspec.cli.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.configspec.cli.options.CatalogOption;
import org.configspec.cli.options.FilterOptions;
import org.configspec.cli.options.FormatOption;
import org.configspec.cli.options.ModelOptionsMixin;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.core.select.Constraints;
import org.configspec.core.select.Selector;
import org.configspec.core.select.Weights;
import org.configspec.report.EvaluationWriter;
import org.configspec.report.Format;
import org.configspec.report.Json;
import org.configspec.report.ModelDescription;
import org.configspec.report.Num;
import org.configspec.report.SelectionResult;
import org.configspec.report.SelectionWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** configspec select: per target × device, the optimum per objective, the Pareto set and the weighted choice. */
@Command(name = "select", mixinStandardHelpOptions = true,
        description = "Per target × device: the best configuration for goodput, tokens per $ and J per token, the Pareto"
                + " set and a weighted choice, under constraints. --all lists every evaluated configuration.")
public final class SelectCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    CatalogOption catalog;

    @Mixin
    ModelOptionsMixin model;

    @Mixin
    FilterOptions filter;

    @Mixin
    FormatOption format;

    @Option(names = "--all", description = "Print every evaluated configuration instead of the selection.")
    boolean all;

    @Option(names = "--pareto", description = "Table format: also list the Pareto set of each group.")
    boolean pareto;

    @Option(names = "--min-goodput", paramLabel = "TOK/S", description = "Constraint: goodput at least this (tokens/s).")
    Double minGoodput;

    @Option(names = "--max-usd-per-mtok", paramLabel = "$/M", description = "Constraint: at most this many $ per million tokens.")
    Double maxUsdPerMTok;

    @Option(names = "--max-j-per-token", paramLabel = "J", description = "Constraint: at most this many J per token (unknown energy fails).")
    Double maxJPerToken;

    @Option(names = "--require-fit", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Constraint: the draft must fit the device's memory (weights + headroom).")
    boolean requireFit;

    @Option(names = "--weights", paramLabel = "G,C,E", defaultValue = "1,1,1",
            description = "Weights of goodput, cost and energy for the weighted choice.")
    String weights;

    @Override
    public Integer call() {
        Evaluated ev = Evaluated.of(catalog, model, filter);
        if (ev.table().isEmpty()) {
            throw new ConfigSpecException("nothing to evaluate: no target × device × draft in catalog '" + ev.catalog().name()
                    + "' has both a draft profile and an acceptance profile for K " + ev.options().kMin() + ".." + ev.options().kMax());
        }
        var out = spec.commandLine().getOut();
        catalog.notices().forEach(spec.commandLine().getErr()::println);
        if (all) {
            out.print(switch (format.get()) {
                case CSV -> EvaluationWriter.csv(ev.table());
                case JSON -> Json.write(EvaluationWriter.jsonArray(ev.table()));
                case TABLE -> "catalog: " + ev.catalog().name() + "\nmodel: " + ModelDescription.line(ev.options()) + "\n"
                        + EvaluationWriter.table(ev.table(), true).render("");
            });
            out.flush();
            return 0;
        }
        Constraints constraints = new Constraints(nan(minGoodput), nan(maxUsdPerMTok), nan(maxJPerToken), requireFit);
        Weights w = Weights.parse(weights);
        var groups = Selector.select(ev.table(), constraints, w);
        out.print(SelectionWriter.write(format.get(), new SelectionResult(ev.catalog().name(), ev.options(), constraints,
                constraintsText(), w, groups, pareto || format.get() != Format.TABLE)));
        out.flush();
        return 0;
    }

    private String constraintsText() {
        List<String> parts = new ArrayList<>();
        if (minGoodput != null) {
            parts.add("goodput ≥ " + Num.human(minGoodput, 6) + " tok/s");
        }
        if (maxUsdPerMTok != null) {
            parts.add("cost ≤ " + Num.human(maxUsdPerMTok, 6) + " $/M tokens");
        }
        if (maxJPerToken != null) {
            parts.add("energy ≤ " + Num.human(maxJPerToken, 6) + " J/token");
        }
        if (requireFit) {
            parts.add("fits device memory");
        }
        return String.join(", ", parts);
    }

    private static double nan(Double v) {
        return v == null ? Double.NaN : v;
    }
}
