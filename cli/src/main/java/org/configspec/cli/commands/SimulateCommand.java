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
import org.configspec.core.space.Candidate;
import org.configspec.core.units.Durations;
import org.configspec.serve.client.PolicyKind;
import org.configspec.sim.Batching;
import org.configspec.sim.ClientMix;
import org.configspec.sim.Clients;
import org.configspec.sim.Optimization;
import org.configspec.sim.PolicyComparison;
import org.configspec.sim.PromptLength;
import org.configspec.sim.RttFile;
import org.configspec.sim.RttModel;
import org.configspec.sim.Selection;
import org.configspec.sim.ServiceTime;
import org.configspec.sim.SimConfig;
import org.configspec.sim.SimOutput;
import org.configspec.sim.SimResult;
import org.configspec.sim.Simulation;
import org.configspec.sim.Sweep;
import org.configspec.sim.Workload;
import org.configspec.sim.calibrate.CalibrationSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** configspec simulate: many edge clients of one configuration sharing a few verifiers, as a discrete-event simulation. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Simulate N edge clients of one configuration sharing V verifiers (batching as 'serve' does):"
                + " goodput per client, accepted tokens per round, verifier utilisation, queueing delay, tokens per $,"
                + " J per token. Service time per batch: --t-verify + --verify-per-token × batch tokens"
                + " + --verify-per-session × batch sessions (the paper's constant by default), or fitted to the real"
                + " verifier (--calibration).")
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

    @Option(names = {"-k", "--k"}, paramLabel = "K",
            description = "Draft length (the start K of the adaptive policies; they choose up to --k-max). Required"
                    + " without --mix.")
    Integer k;

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

    @Option(names = "--calibration", paramLabel = "store|store:URL|FILE",
            description = "Service time per batch from a calibration of the real verifier ('configspec profile"
                    + " verifier'): the newest in the store, or a calibration file; replaces --t-verify,"
                    + " --verify-per-token and --verify-per-session. A batch outside the calibrated shapes is an"
                    + " error unless --extrapolate.")
    String calibration;

    @Option(names = "--extrapolate", description = "Use the calibration's fit beyond the batch shapes it was measured on.")
    boolean extrapolate;

    @Option(names = "--scale-verify-to", paramLabel = "DURATION",
            description = "Scale the service time (its shape kept) so that one session's batch at K = --scale-k takes"
                    + " DURATION, e.g. 500ms: a small calibrated verifier standing in for the paper's 0.5 s target.")
    Duration scaleTo;

    @Option(names = "--scale-k", defaultValue = "4", paramLabel = "K", description = "The K of --scale-verify-to.")
    int scaleK;

    @Option(names = "--optimize", paramLabel = "k|k,draft",
            description = "At each load point (--sweep value) find the fixed K, and with 'draft' the draft of the"
                    + " catalog for this target and device, with the highest mean goodput per client.")
    String optimize;

    @Option(names = "--mix", paramLabel = "DEVICE/DRAFT[/QUANT]/POLICY=WEIGHT,...",
            description = "Client classes in proportions instead of --device/--draft/--quant/-k/--policy, e.g."
                    + " \"RPi 5/Qwen3-0.6B/Q8_0/k4=3,Jetson AGX Orin/Qwen3-1.7B/Q4_K_M/optimal=1\"; POLICY is kN (fixed K)"
                    + " or backoff, optimal, bandit, tracking (starting at -k, default 4). Output per class and overall.")
    String mix;

    @Option(names = "--arrival", defaultValue = "all", paramLabel = "all|poisson",
            description = "Sessions: all clients from time 0 (default), or Poisson arrivals at --rate (then --clients is"
                    + " the most sessions open at once; more are rejected).")
    String arrival;

    @Option(names = "--rate", paramLabel = "R/s", description = "Poisson arrival rate, sessions per second (e.g. 2/s).")
    String rate;

    @Option(names = "--session-tokens", defaultValue = "0", paramLabel = "N",
            description = "Tokens each session generates before it closes (0 = endless; required with --arrival poisson).")
    int sessionTokens;

    @Option(names = "--prompt-length", defaultValue = "0", paramLabel = "N|lognormal:MEDIAN:SIGMA|file:PATH",
            description = "Prompt tokens of each session: constant, lognormal, or drawn from a file of lengths.")
    String promptLength;

    @Option(names = "--prefill-per-token", defaultValue = "0", paramLabel = "DURATION",
            description = "Verifier time per prompt token of a session's prefill (its creation, served alone).")
    Duration prefillPerToken;

    @Option(names = "--rtt-file", paramLabel = "FILE",
            description = "Round trips drawn from measurements: a 'run --rounds-csv' file (round_trip_s - verifier_s)"
                    + " or one round trip in seconds per line. Replaces --rtt/--rtt-sigma (until --rtt-switch-at).")
    java.nio.file.Path rttFile;

    @Option(names = "--compare-policies",
            description = "Run every fixed K in 1..--k-max and each adaptive policy; print goodput and regret against the best fixed K.")
    boolean compare;

    @Override
    public Integer call() {
        ModelOptions o = model.options();
        Catalog c = model.reprice(catalog.load(model));
        Sweep s = sweep == null ? null : Sweep.parse(sweep);
        VerifyTime v = o.verify();
        if (rttFile != null && rttSigma != 0) {
            throw new ConfigSpecException("--rtt-file and --rtt-sigma exclude each other; give one");
        }
        RttModel rtt = rttFile != null ? RttFile.read(rttFile) : rtt(v.rttS(), rttSigma);
        if (rttSwitchAt != null || rttAfter != null) {
            if (rttSwitchAt == null || rttAfter == null) {
                throw new ConfigSpecException("--rtt-switch-at and --rtt-after go together; give both");
            }
            rtt = new RttModel.Switching(rtt, rtt(Durations.seconds(rttAfter), rttSigma), Durations.seconds(rttSwitchAt));
        }
        ServiceTime service = new ServiceTime(v.fixedS(), v.perTokenS(), Durations.seconds(perSession));
        if (calibration != null) {
            for (String flag : new String[] {"--t-verify", "--verify-per-token", "--verify-per-session"}) {
                if (spec.commandLine().getParseResult().hasMatchedOption(flag)) {
                    throw new ConfigSpecException("--calibration replaces " + flag + "; give one of them");
                }
            }
            service = CalibrationSource.serviceTime(CalibrationSource.load(calibration, System.getenv()), extrapolate);
        } else if (extrapolate) {
            throw new ConfigSpecException("--extrapolate needs --calibration (flags have no range to extrapolate from)");
        }
        if (scaleTo != null) {
            if (scaleK < 1 || scaleK > 64) {
                throw new ConfigSpecException("--scale-k = " + scaleK + ": allowed 1..64");
            }
            service = service.scaledTo(Durations.seconds(scaleTo), scaleK);
        }
        ClientMix classes;
        Candidate candidate = null;
        if (mix != null) {
            if (point.device() != null || point.draft() != null || point.quant() != null) {
                throw new ConfigSpecException("--mix names each class's device, draft and quant: give --mix or"
                        + " --device/--draft/--quant, not both");
            }
            classes = ClientMix.parse(mix, c, o, point.target(), k == null ? 4 : k);
        } else {
            point.require(spec);
            if (k == null) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing required option: '--k=K'");
            }
            candidate = Selection.candidate(c, o, point.target(), point.device(), point.draft(), point.quant());
            classes = ClientMix.of(Clients.of(candidate, o, policy, k));
        }
        SimConfig config = SimConfig.mixed(classes, clients, verifiers, Durations.seconds(duration), seed,
                Batching.of(maxBatch, maxWait), service, rtt, workload());
        var out = spec.commandLine().getOut();
        if (optimize != null) {
            if (candidate == null) {
                throw new ConfigSpecException("--optimize varies one configuration's K and draft: give"
                        + " --device/--draft, not --mix");
            }
            if (compare) {
                throw new ConfigSpecException("--optimize and --compare-policies exclude each other; give one");
            }
            if (format.get() != org.configspec.report.Format.TABLE) {
                throw new ConfigSpecException("--optimize prints a table only; leave out --format " + format.get()
                        .name().toLowerCase(java.util.Locale.ROOT));
            }
            var drafts = Optimization.drafts(c, o, candidate, Optimization.overDrafts(optimize));
            out.print(Optimization.table(Optimization.run(config, s, drafts, o)));
            out.flush();
            return 0;
        }
        if (compare) {
            if (s != null) {
                throw new ConfigSpecException("--compare-policies and --sweep exclude each other; give one");
            }
            if (config.extended()) {
                throw new ConfigSpecException("--compare-policies runs one configuration with endless sessions: drop"
                        + " --mix, --arrival, --session-tokens and --prompt-length");
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

    /** The sessions: --arrival, --rate, --session-tokens, --prompt-length, --prefill-per-token. */
    private Workload workload() {
        boolean poisson = switch (arrival.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "all" -> false;
            case "poisson" -> true;
            default -> throw new ConfigSpecException("--arrival '" + arrival + "': allowed all, poisson");
        };
        if (poisson != (rate != null)) {
            throw new ConfigSpecException(poisson ? "--arrival poisson needs --rate R/s (sessions per second)"
                    : "--rate needs --arrival poisson");
        }
        double r = 0;
        if (rate != null) {
            String t = rate.trim().replaceFirst("/s$", "");
            try {
                r = Double.parseDouble(t);
            } catch (NumberFormatException e) {
                throw new ConfigSpecException("--rate '" + rate + "': allowed a number of sessions per second > 0, e.g. 2/s");
            }
            if (!(r > 0)) {
                throw new ConfigSpecException("--rate '" + rate + "': allowed a number of sessions per second > 0, e.g. 2/s");
            }
        }
        return new Workload(r, sessionTokens, PromptLength.parse(promptLength), Durations.seconds(prefillPerToken));
    }

    private static RttModel rtt(double medianS, double sigma) {
        return sigma == 0 ? new RttModel.Constant(medianS) : new RttModel.LogNormal(medianS, sigma);
    }
}
