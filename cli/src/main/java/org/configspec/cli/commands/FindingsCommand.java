package org.configspec.cli.commands;

import java.util.concurrent.Callable;
import org.configspec.cli.options.CatalogOption;
import org.configspec.cli.options.FilterOptions;
import org.configspec.cli.options.ModelOptionsMixin;
import org.configspec.core.select.Constraints;
import org.configspec.core.select.Findings;
import org.configspec.core.select.Selector;
import org.configspec.core.select.Weights;
import org.configspec.report.FindingsWriter;
import org.configspec.report.ModelDescription;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** configspec findings (the default command): the paper's findings, computed from the catalog. */
@Command(name = "findings", mixinStandardHelpOptions = true,
        description = "The paper's findings, computed from a catalog: which draft and K each objective prefers per target × device.")
public final class FindingsCommand implements Callable<Integer> {
    /** The last line: how to see all of this as charts. */
    public static final String REPORT_HINT = "Charts: configspec report (writes configspec-report.html; open it in any browser, offline)";

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    CatalogOption catalog = new CatalogOption();

    @Mixin
    ModelOptionsMixin model = new ModelOptionsMixin();

    @Mixin
    FilterOptions filter = new FilterOptions();

    @Override
    public Integer call() {
        Evaluated ev = Evaluated.of(catalog, model, filter);
        var groups = Selector.select(ev.table(), Constraints.none(), Weights.equal());
        var out = spec.commandLine().getOut();
        out.println("ConfigSpec: " + ev.table().size() + " configurations of catalog '" + ev.catalog().name() + "' ("
                + ev.catalog().targets().size() + " targets × " + ev.catalog().devices().size() + " devices × "
                + ev.catalog().drafts().size() + " draft variants × K)");
        out.println("model: " + ModelDescription.line(ev.options()));
        out.println();
        out.print(FindingsWriter.write(Findings.of(ev.table(), groups)));
        out.println("More: configspec select [--pareto] | sweep | explain | catalog | --help");
        out.println(REPORT_HINT);
        out.flush();
        return 0;
    }
}
