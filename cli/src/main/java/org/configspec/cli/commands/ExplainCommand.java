package org.configspec.cli.commands;

import java.util.concurrent.Callable;
import org.configspec.cli.options.CatalogOption;
import org.configspec.cli.options.ConfigurationOptions;
import org.configspec.cli.options.FormatOption;
import org.configspec.cli.options.ModelOptionsMixin;
import org.configspec.core.catalog.Catalog;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.core.explain.Explainer;
import org.configspec.core.model.ModelOptions;
import org.configspec.core.space.EvaluationTable;
import org.configspec.core.space.Evaluator;
import org.configspec.core.space.JointSpace;
import org.configspec.report.ExplainWriter;
import org.configspec.report.ModelDescription;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** configspec explain: every term of the model for one configuration. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "One configuration: every term of the model (acceptance, E(K), times, goodput, billing, energy, memory) with its unit.")
public final class ExplainCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    CatalogOption catalog;

    @Mixin
    ModelOptionsMixin model;

    @Mixin
    FormatOption format;

    @Mixin
    ConfigurationOptions point;

    @Option(names = {"-k", "--k"}, required = true, paramLabel = "K", description = "Draft length.")
    int k;

    @Option(names = "--memory-headroom-gib", paramLabel = "GiB", defaultValue = "0.5",
            description = "Memory a draft needs beyond its weights, GiB.")
    double headroomGib;

    @Override
    public Integer call() {
        point.require(spec);
        Catalog c = model.reprice(catalog.load(model));
        String q = c.quantOf(point.draft(), point.quant());
        if (k < 1) {
            throw new ConfigSpecException("-k must be >= 1, got " + k);
        }
        ModelOptions base = model.options(catalog.storedVerifyTime(java.util.List.of(point.target()),
                model.contextTokens()));
        ModelOptions one = base.withKRange(k, k);
        long headroom = Math.round(headroomGib * (1L << 30));
        JointSpace space = JointSpace.single(c, one, point.target(), point.device(), point.draft(), q, headroom);
        EvaluationTable table = Evaluator.evaluate(space);
        var curve = space.candidates().get(0).curve();
        if (table.isEmpty() && one.pipelined() && curve.supports(k)) {
            throw new ConfigSpecException("--pipeline -k " + k + ": acceptance of " + point.draft() + " -> "
                    + point.target() + " has no value at K + 1 = " + (k + 1) + " (" + curve.describe()
                    + "), which the pipelined round needs (P(L ≥ K+1)); use a smaller K or --acceptance iid");
        }
        if (table.isEmpty()) {
            throw new ConfigSpecException("-k " + k + ": acceptance of " + point.draft() + " -> " + point.target()
                    + " is not measured at K = " + k + " (" + space.candidates().get(0).curve().describe()
                    + "); use a measured K or --acceptance iid");
        }
        String title = point.draft() + " " + q + " on " + point.device() + ", verified by " + point.target() + ", K = " + k + "\nmodel: "
                + ModelDescription.line(one, false);
        var out = spec.commandLine().getOut();
        out.print(ExplainWriter.write(format.get(), title, Explainer.explain(table.get(0), one, headroom)));
        out.flush();
        return 0;
    }
}
