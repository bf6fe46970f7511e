package org.configspec.cli.commands;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.configspec.cli.options.CatalogOption;
import org.configspec.cli.options.FilterOptions;
import org.configspec.cli.options.FormatOption;
import org.configspec.cli.options.ModelOptionsMixin;
import org.configspec.core.sweep.SweepRow;
import org.configspec.core.sweep.Sweeper;
import org.configspec.core.units.Durations;
import org.configspec.report.ModelDescription;
import org.configspec.report.SweepWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** configspec sweep: goodput-optimal K versus the verification time. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Goodput-optimal K versus the verification time T_v, per target × device × draft variant.")
public final class SweepCommand implements Callable<Integer> {
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

    @Option(names = "--t-verify-values", split = ",", paramLabel = "DURATION", defaultValue = "0.1,0.2,0.5,1,2",
            description = "The T_v values to sweep (comma-separated; the default is the authors' sweep).")
    List<Duration> tVerifyValues;

    @Override
    public Integer call() {
        var loaded = model.reprice(catalog.load(model));
        var options = model.options(catalog.storedVerifyTime(Evaluated.targets(loaded, filter.get().targets()),
                model.contextTokens()));
        List<Double> tVerifyValues = this.tVerifyValues.stream().map(Durations::seconds).toList();
        List<SweepRow> rows = Sweeper.sweep(loaded, options, filter.get(), tVerifyValues);
        var out = spec.commandLine().getOut();
        out.print(SweepWriter.write(format.get(), rows, "model: " + ModelDescription.line(options)
                + " (T_v swept over " + tVerifyValues + " s)"));
        out.flush();
        return 0;
    }
}
