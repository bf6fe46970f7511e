package org.configspec.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.configspec.core.acceptance.AcceptanceCurve;
import org.configspec.core.acceptance.AcceptanceMode;
import org.configspec.core.acceptance.IidCurve;
import org.configspec.core.catalog.CatalogReader;
import org.configspec.core.domain.Device;
import org.configspec.core.domain.DraftModel;
import org.configspec.core.domain.Pricing;
import org.configspec.core.domain.Target;
import org.configspec.core.model.AnalyticModel;
import org.configspec.core.model.Billing;
import org.configspec.core.model.EnergyOptions;
import org.configspec.core.model.ModelOptions;
import org.configspec.core.model.VerifyTime;
import org.configspec.core.profile.DraftProfile;
import org.configspec.core.profile.Provenance;
import org.configspec.core.space.Candidate;
import org.configspec.core.space.Evaluation;
import org.configspec.core.space.EvaluationTable;
import org.configspec.core.space.Evaluator;
import org.configspec.core.space.Fit;
import org.configspec.core.space.JointSpace;
import org.configspec.core.space.SpaceFilter;
import org.configspec.core.stats.Aggregation;
import org.configspec.core.stats.Measured;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Joint-space evaluation throughput on one thread, in configuration evaluations per second (each score is per
 * evaluated configuration thanks to {@link OperationsPerInvocation}).
 *
 * <ul>
 *   <li>{@code large*}: a synthetic space of 2 targets × 20 devices × 250 draft variants × K = 1..16 (160,000
 *       configurations), i.i.d. acceptance (one pow per configuration);</li>
 *   <li>{@code paper}: the built-in catalog in paper mode (351 configurations);</li>
 *   <li>{@code largeNaiveRecords}: the baseline — the same space evaluated the straightforward way, one
 *       {@link Evaluation} record per configuration.</li>
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(1)
@State(Scope.Benchmark)
public class EvaluationBenchmark {
    static final int TARGETS = 2;
    static final int DEVICES = 20;
    static final int DRAFTS = 250;
    static final int K_MAX = 16;
    static final int LARGE = TARGETS * DEVICES * DRAFTS * K_MAX;
    static final int PAPER = 351;

    JointSpace large;
    JointSpace paper;

    @Setup
    public void setUp() {
        ModelOptions o = new ModelOptions(1, K_MAX, AcceptanceMode.IID, new VerifyTime(0.03, 0.2, 0.01), new Billing.Paper(),
                EnergyOptions.draftingOnly());
        List<Candidate> cs = new ArrayList<>();
        for (int t = 0; t < TARGETS; t++) {
            Target target = new Target("T" + t, "", "", Pricing.outputOnly(0.5 + t));
            for (int d = 0; d < DEVICES; d++) {
                Device device = new Device("D" + d, 8L << 30, 2, "");
                for (int m = 0; m < DRAFTS; m++) {
                    double speed = 2 + (m * 7 + d * 13) % 90;
                    double power = 5 + (m + d) % 40;
                    DraftModel draft = new DraftModel("M" + m, "", 0.5 + m % 8, "", "Q4_K_M", 0, "");
                    DraftProfile p = new DraftProfile(device.name(), draft.name(), "Q4_K_M", Measured.of(DraftProfile.TOK_PER_S, Aggregation.MEAN, speed),
                            Measured.of(DraftProfile.WATT, Aggregation.MEAN, power), 0,
                            Provenance.of("synthetic"));
                    AcceptanceCurve curve = new IidCurve(0.3 + 0.6 * ((m * 31 + t * 17) % 100) / 100.0);
                    cs.add(new Candidate(target, device, draft, p, curve, speed, power, 2));
                }
            }
        }
        large = JointSpace.ofCandidates(cs, o);
        paper = JointSpace.of(CatalogReader.paper(), ModelOptions.paper(), SpaceFilter.all());
        if (Evaluator.evaluate(large).size() != LARGE || Evaluator.evaluate(paper).size() != PAPER) {
            throw new IllegalStateException("unexpected space sizes");
        }
    }

    @Benchmark
    @OperationsPerInvocation(LARGE)
    public EvaluationTable large() {
        return Evaluator.evaluate(large);
    }

    @Benchmark
    @OperationsPerInvocation(PAPER)
    public EvaluationTable paper() {
        return Evaluator.evaluate(paper);
    }

    /** Baseline: one record per configuration, computed term by term. */
    @Benchmark
    @OperationsPerInvocation(LARGE)
    public void largeNaiveRecords(Blackhole bh) {
        ModelOptions o = large.options();
        for (Candidate c : large.candidates()) {
            for (int k = o.kMin(); k <= o.kMax(); k++) {
                double e = c.curve().tokensPerRound(k);
                double tv = o.verify().seconds(k);
                double usd = o.billing().usdPerRound(c.target().price(), k, o.verify().computeSeconds(k));
                bh.consume(new Evaluation(c, k, (e - 1) / k, e, k / c.tokPerS(), tv, AnalyticModel.goodput(e, k, c.tokPerS(), tv),
                        usd, e / usd, AnalyticModel.joulesPerToken(c.powerW(), k, c.tokPerS(), e, 0), Fit.UNKNOWN));
            }
        }
    }
}
