package org.configspec.cli.commands;

import java.util.concurrent.Callable;
import org.configspec.cli.options.CatalogOption;
import org.configspec.cli.options.FormatOption;
import org.configspec.report.CatalogSummaryWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** configspec catalog: what a catalog holds. */
@Command(name = "catalog", mixinStandardHelpOptions = true,
        description = "What a catalog holds: devices, targets and prices, draft variants, acceptance and draft profiles."
                + " --format json prints the whole catalog in its file format (a template for your own).")
public final class CatalogCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    CatalogOption catalog;

    @Mixin
    FormatOption format;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        out.print(CatalogSummaryWriter.write(format.get(), catalog.load()));
        out.flush();
        return 0;
    }
}
