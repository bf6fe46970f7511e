package org.configspec.cli.commands;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.configspec.cli.options.CatalogOption;
import org.configspec.cli.options.FilterOptions;
import org.configspec.cli.options.ModelOptionsMixin;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.core.select.Weights;
import org.configspec.report.html.HtmlReport;
import org.configspec.report.html.ReportInput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** configspec report: one self-contained interactive HTML file with the charts, the selection and the provenance. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Writes one self-contained HTML report (charts of goodput, tokens per $ and J per token vs K, the"
                + " Pareto front, the T_v sweep, the profiles, and the selection table) that opens offline in any browser.")
public final class ReportCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    CatalogOption catalog;

    @Mixin
    ModelOptionsMixin model;

    @Mixin
    FilterOptions filter;

    @Option(names = "--weights", paramLabel = "G,C,E", defaultValue = "1,1,1",
            description = "Weights of goodput, cost and energy for the weighted choice.")
    String weights;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = "configspec-report.html",
            description = "The HTML file to write.")
    Path output;

    @Override
    public Integer call() {
        var c = model.reprice(catalog.load(model));
        String html = HtmlReport.write(ReportInput.of(c, model.options(), filter.get(), Weights.parse(weights), catalog.notices(),
                catalog.validations()));
        try {
            Files.writeString(output, html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigSpecException("-o: cannot write " + output + ": " + e.getMessage(), e);
        }
        spec.commandLine().getOut().println("wrote " + output + " (" + (html.getBytes(StandardCharsets.UTF_8).length + 1023) / 1024 + " KiB); open it in a browser");
        spec.commandLine().getOut().flush();
        return 0;
    }
}
