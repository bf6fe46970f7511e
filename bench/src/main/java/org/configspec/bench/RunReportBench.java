package org.configspec.bench;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.configspec.core.catalog.CatalogReader;
import org.configspec.core.model.ModelOptions;
import org.configspec.core.select.Weights;
import org.configspec.core.space.SpaceFilter;
import org.configspec.report.html.ChartLibraries;
import org.configspec.report.html.HtmlReport;
import org.configspec.report.html.ReportInput;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.util.Statistics;

/** Runs {@link ReportBenchmark} (JMH, single shot) and prints per catalog the median time, its range and the file size. */
public final class RunReportBench {
    private RunReportBench() {
    }

    public static void main(String[] args) throws RunnerException {
        Options opts = new OptionsBuilder().include(ReportBenchmark.class.getName() + "\\.").build();
        Collection<RunResult> results = new Runner(opts).run();
        ChartLibraries libs = ChartLibraries.packaged();
        ReportBenchmark b = new ReportBenchmark();
        b.setUp();
        long paperBytes = ReportBenchmark.bytes(HtmlReport.write(ReportInput.of(CatalogReader.paper(), ModelOptions.paper(),
                SpaceFilter.all(), Weights.equal(), List.of(), List.of()), libs));
        long largeBytes = ReportBenchmark.bytes(HtmlReport.write(ReportInput.of(b.large, b.largeOptions, SpaceFilter.all(),
                Weights.equal(), List.of(), List.of()), libs));
        System.out.println();
        System.out.println("HTML report generation, 1 thread, ms per report (JMH single shot, 5 measured after 2 warm-up)");
        System.out.printf(Locale.ROOT, "%-8s %14s %10s %10s %4s %16s%n", "catalog", "configurations", "median ms", "min ms",
                "n", "file bytes");
        for (RunResult r : results) {
            Statistics s = r.getPrimaryResult().getStatistics();
            String name = r.getParams().getBenchmark().replaceAll(".*\\.", "");
            boolean paper = name.equals("paper");
            System.out.printf(Locale.ROOT, "%-8s %,14d %,10.0f %,10.0f %4d %,16d   (max %,.0f ms)%n", name,
                    paper ? 351 : ReportBenchmark.LARGE, s.getPercentile(50), s.getMin(), s.getN(),
                    paper ? paperBytes : largeBytes, s.getMax());
        }
    }
}
