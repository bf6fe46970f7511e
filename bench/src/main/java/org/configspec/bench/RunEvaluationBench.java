package org.configspec.bench;

import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.util.Statistics;

/**
 * Runs {@link EvaluationBenchmark} (JMH, one thread) and prints per benchmark the median evaluations per second over
 * the measurement iterations, their range, and the ratio against the named baseline (largeNaiveRecords).
 */
public final class RunEvaluationBench {
    private RunEvaluationBench() {
    }

    public static void main(String[] args) throws RunnerException {
        Options opts = new OptionsBuilder().include(EvaluationBenchmark.class.getName() + "\\.").threads(1).forks(1).build();
        Collection<RunResult> results = new Runner(opts).run();
        double baseline = Double.NaN;
        for (RunResult r : results) {
            if (r.getParams().getBenchmark().endsWith("largeNaiveRecords")) {
                baseline = r.getPrimaryResult().getStatistics().getPercentile(50);
            }
        }
        System.out.println();
        System.out.println("joint-space evaluation, 1 thread, configuration evaluations per second (JMH, 5 × 1 s after 3 × 1 s warm-up)");
        System.out.printf(Locale.ROOT, "%-22s %16s %16s %16s %8s %14s%n", "benchmark", "median eval/s", "min", "max", "n",
                "vs baseline");
        for (RunResult r : results) {
            Statistics s = r.getPrimaryResult().getStatistics();
            String name = r.getParams().getBenchmark().replaceAll(".*\\.", "");
            System.out.printf(Locale.ROOT, "%-22s %,16.0f %,16.0f %,16.0f %8d %13.2fx%n", name, s.getPercentile(50), s.getMin(),
                    s.getMax(), s.getN(), s.getPercentile(50) / baseline);
        }
        System.out.println("baseline: largeNaiveRecords (one Evaluation record per configuration); target: >= 10,000,000 eval/s");
    }
}
