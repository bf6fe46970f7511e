package org.configspec.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.configspec.core.acceptance.AcceptanceMode;
import org.configspec.core.acceptance.AcceptanceProfile;
import org.configspec.core.catalog.Catalog;
import org.configspec.core.catalog.CatalogReader;
import org.configspec.core.domain.Device;
import org.configspec.core.domain.DraftModel;
import org.configspec.core.domain.Pricing;
import org.configspec.core.domain.Target;
import org.configspec.core.model.Billing;
import org.configspec.core.model.EnergyOptions;
import org.configspec.core.model.ModelOptions;
import org.configspec.core.model.VerifyTime;
import org.configspec.core.profile.DraftProfile;
import org.configspec.core.profile.Provenance;
import org.configspec.core.select.Weights;
import org.configspec.core.space.SpaceFilter;
import org.configspec.core.stats.Aggregation;
import org.configspec.core.stats.Measured;
import org.configspec.report.html.ChartLibraries;
import org.configspec.report.html.HtmlReport;
import org.configspec.report.html.ReportInput;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to write the HTML report (evaluate, select, sweep, serialise, assemble the page; what 'configspec report'
 * does between reading the catalog and writing the file), single shot per iteration:
 * <ul>
 *   <li>{@code paper}: the built-in catalog in paper mode (351 configurations);</li>
 *   <li>{@code large}: a synthetic catalog of 2 targets × 20 devices × 250 draft variants × K = 1..16 (160,000
 *       configurations, the size of {@link EvaluationBenchmark}'s large space), measured α(K) at every K.</li>
 * </ul>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@Threads(1)
@State(Scope.Benchmark)
public class ReportBenchmark {
    static final int LARGE = EvaluationBenchmark.LARGE;

    Catalog large;
    ModelOptions largeOptions;
    ChartLibraries libraries;

    @Setup
    public void setUp() {
        libraries = ChartLibraries.packaged();
        largeOptions = new ModelOptions(1, EvaluationBenchmark.K_MAX, AcceptanceMode.ALPHA, new VerifyTime(0.03, 0.2, 0.01),
                new Billing.Paper(), EnergyOptions.draftingOnly());
        large = largeCatalog();
        int n = ReportInput.of(large, largeOptions, SpaceFilter.all(), Weights.equal(), List.of(), List.of()).table().size();
        if (n != LARGE) {
            throw new IllegalStateException("the large catalog has " + n + " configurations, expected " + LARGE);
        }
    }

    /** 2 targets × 20 devices × 250 draft variants, each with a draft profile and α(K) for K = 1..16. */
    static Catalog largeCatalog() {
        List<Target> targets = new ArrayList<>();
        List<Device> devices = new ArrayList<>();
        List<DraftModel> drafts = new ArrayList<>();
        List<AcceptanceProfile> acceptance = new ArrayList<>();
        List<DraftProfile> profiles = new ArrayList<>();
        for (int t = 0; t < EvaluationBenchmark.TARGETS; t++) {
            targets.add(new Target("T" + t, "", "", Pricing.outputOnly(0.5 + t)));
        }
        for (int d = 0; d < EvaluationBenchmark.DEVICES; d++) {
            devices.add(new Device("D" + d, 8L << 30, 2, ""));
        }
        for (int m = 0; m < EvaluationBenchmark.DRAFTS; m++) {
            DraftModel draft = new DraftModel("M" + m, "", 0.5 + m % 8, "", "Q4_K_M", 0, "");
            drafts.add(draft);
            for (int t = 0; t < targets.size(); t++) {
                double a = 0.3 + 0.6 * ((m * 31 + t * 17) % 100) / 100.0;
                TreeMap<Integer, Measured> alpha = new TreeMap<>();
                for (int k = 1; k <= EvaluationBenchmark.K_MAX; k++) {
                    double e = (1 - Math.pow(a, k + 1)) / (1 - a);
                    alpha.put(k, Measured.of(AcceptanceProfile.UNIT, Aggregation.MEAN, (e - 1) / k));
                }
                acceptance.add(new AcceptanceProfile(draft.name(), draft.quant(), targets.get(t).name(), alpha, null, "synthetic"));
            }
            for (int d = 0; d < devices.size(); d++) {
                profiles.add(new DraftProfile(devices.get(d).name(), draft.name(), draft.quant(),
                        Measured.of(DraftProfile.TOK_PER_S, Aggregation.MEAN, 2 + (m * 7 + d * 13) % 90),
                        Measured.of(DraftProfile.WATT, Aggregation.MEAN, 5 + (m + d) % 40), 0, Provenance.of("synthetic")));
            }
        }
        return new Catalog("large", "synthetic, 160,000 configurations", "ReportBenchmark", devices, drafts, targets,
                acceptance, profiles);
    }

    @Benchmark
    public int paper() {
        return bytes(HtmlReport.write(ReportInput.of(CatalogReader.paper(), ModelOptions.paper(), SpaceFilter.all(),
                Weights.equal(), List.of(), List.of()), libraries));
    }

    @Benchmark
    public int large() {
        return bytes(HtmlReport.write(ReportInput.of(large, largeOptions, SpaceFilter.all(), Weights.equal(), List.of(), List.of()),
                libraries));
    }

    static int bytes(String page) {
        return page.getBytes(StandardCharsets.UTF_8).length;
    }
}
