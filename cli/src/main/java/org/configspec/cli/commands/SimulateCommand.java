package org.configspec.cli.commands;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.configspec.cli.options.CatalogOption;
import org.configspec.cli.options.ConfigurationOptions;
import org.configspec.cli.options.FormatOption;
import org.configspec.cli.options.ModelOptionsMixin;
import org.configspec.core.catalog.Catalog;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.core.model.ModelOptions;
import org.configspec.core.model.VerifyTime;
import org.configspec.core.units.Durations;
import org.configspec.serve.client.PolicyKind;
import org.configspec.sim.Batching;
import org.configspec.sim.Clients;
import org.configspec.sim.PolicyComparison;
import org.configspec.sim.RttModel;
import org.configspec.sim.Selection;
import org.configspec.sim.ServiceTime;
import org.configspec.sim.SimConfig;
import org.configspec.sim.SimOutput;
import org.configspec.sim.SimResult;
import org.configspec.sim.Simulation;
import org.configspec.sim.Sweep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** configspec simulate: many edge clients of one configuration sharing a few verifiers, as a discrete-event simulation. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Simulate N edge clients of one configuration sharing V verifiers (batching as 'serve' does):"
                + " goodput per client, accepted tokens per round, verifier utilisation, queueing delay, tokens per $,"
                + " J per token. Service time per batch: --t-verify + --verify-per-token × batch tokens"
                + " + --verify-per-session × batch sessions (the paper's constant by default).")
public final class SimulateCommand implements Callable<Integer> {
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

    @Option(names = {"-k", "--k"}, required = true, paramLabel = "K",
            description = "Draft length (the start K of the adaptive policies; they choose up to --k-max).")
    int k;

    @Option(names = "--policy", defaultValue = "fixed", paramLabel = "fixed|backoff|optimal|bandit|tracking",
            description = "How each client chooses K (the real client's policies).")
    PolicyKind policy;

    @Option(names = "--clients", defaultValue = "1", paramLabel = "N", description = "Edge clients, all starting at time 0.")
    int clients;

    @Option(names = "--verifiers", defaultValue = "1", paramLabel = "V", description = "Verifiers; clients are assigned round-robin.")
    int verifiers;

    @Option(names = "--duration", defaultValue = "60s", paramLabel = "DURATION", description = "Simulated time (up to 1 h).")
    Duration duration;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed; the same seed gives the same output.")
    long seed;

    @Option(names = "--max-batch", defaultValue = "8", paramLabel = "N", description = "Verifies per batch at most (serve's --max-batch).")
    int maxBatch;

    @Option(names = "--max-wait", defaultValue = "5ms", paramLabel = "DURATION",
            description = "How long a batch waits for more verifies after its first (serve's --max-wait-ms).")
    Duration maxWait;

    @Option(names = "--verify-per-session", defaultValue = "0", paramLabel = "DURATION",
            description = "Service time per session of a batch.")
    Duration perSession;

    @Option(names = "--rtt-sigma", defaultValue = "0", paramLabel = "SIGMA",
            description = "Lognormal round trip: sigma of ln(RTT), with --rtt as the median; 0 = constant.")
    double rttSigma;

    @Option(names = "--rtt-switch-at", paramLabel = "DURATION",
            description = "Switch the round trip to --rtt-after at this simulated time (a scheduled link change).")
    Duration rttSwitchAt;

    @Option(names = "--rtt-after", paramLabel = "DURATION", description = "The median round trip after --rtt-switch-at.")
    Duration rttAfter;

    @Option(names = "--sweep", paramLabel = "clients=N,...|verifiers=N,...",
            description = "One simulation per value, e.g. clients=1,10,100,1000,10000 (capacity planning).")
    String sweep;

    @Option(names = "--compare-policies",
            description = "Run every fixed K in 1..--k-max and each adaptive policy; print goodput and regret against the best fixed K.")
    boolean compare;

    @Override
    public Integer call() {
        ModelOptions o = model.options();
        Catalog c = model.reprice(catalog.load(model));
        Sweep s = sweep == null ? null : Sweep.parse(sweep);
        VerifyTime v = o.verify();
        RttModel rtt = rtt(v.rttS(), rttSigma);
        if (rttSwitchAt != null || rttAfter != null) {
            if (rttSwitchAt == null || rttAfter == null) {
                throw new ConfigSpecException("--rtt-switch-at and --rtt-after go together; give both");
            }
            rtt = new RttModel.Switching(rtt, rtt(Durations.seconds(rttAfter), rttSigma), Durations.seconds(rttSwitchAt));
        }
        var candidate = Selection.candidate(c, o, point.target(), point.device(), point.draft(), point.quant());
        SimConfig config = new SimConfig(Clients.of(candidate, o, policy, k),
                clients, verifiers, Durations.seconds(duration), seed, Batching.of(maxBatch, maxWait),
                new ServiceTime(v.fixedS(), v.perTokenS(), Durations.seconds(perSession)), rtt);
        var out = spec.commandLine().getOut();
        if (compare) {
            if (s != null) {
                throw new ConfigSpecException("--compare-policies and --sweep exclude each other; give one");
            }
            PolicyComparison.Outcome outcome = PolicyComparison.compare(config);
            out.print(switch (format.get()) {
                case TABLE -> SimOutput.comparisonTable(outcome);
                case CSV -> SimOutput.comparisonCsv(outcome);
                case JSON -> SimOutput.comparisonJson(outcome);
            });
            out.flush();
            return 0;
        }
        List<SimResult> runs = Simulation.run(config, s);
        out.print(switch (format.get()) {
            case TABLE -> SimOutput.table(runs, s == null ? null : s.key());
            case CSV -> SimOutput.csv(runs);
            case JSON -> SimOutput.json(runs, s);
        });
        out.flush();
        return 0;
    }

    private static RttModel rtt(double medianS, double sigma) {
        return sigma == 0 ? new RttModel.Constant(medianS) : new RttModel.LogNormal(medianS, sigma);
    }
}
