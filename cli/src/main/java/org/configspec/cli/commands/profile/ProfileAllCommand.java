package org.configspec.cli.commands.profile;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.configspec.cli.commands.store.StoreOption;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.core.units.Durations;
import org.configspec.llm.model.ModelStore;
import org.configspec.profile.align.AlignSettings;
import org.configspec.profile.align.PromptSource;
import org.configspec.profile.draft.DraftBench;
import org.configspec.profile.draft.DraftBenchSettings;
import org.configspec.profile.draft.ProcSelf;
import org.configspec.profile.power.MeterKind;
import org.configspec.profile.power.PowerMeter;
import org.configspec.profile.power.PowerMeterSpec;
import org.configspec.profile.power.PowerMeters;
import org.configspec.profile.run.AlignAcceptanceMeasurer;
import org.configspec.profile.run.MeterEnergyProbe;
import org.configspec.profile.run.ProfileAll;
import org.configspec.profile.run.ProfileAllSettings;
import org.configspec.store.ProfileStore;
import org.configspec.store.ResumableRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * configspec profile all: every draft's speed and power on this device and its acceptance against the target, stored
 * in the profile store as it is measured; interrupted runs resume (same options, same run key).
 */
@Command(name = "all", mixinStandardHelpOptions = true,
        description = "Profile a target and its drafts on this device: drafting speed and power per draft, acceptance per"
                + " draft against the target; each result is stored as it is measured, and an interrupted run resumes."
                + " Then: configspec select --store --price-output $/M.")
public final class ProfileAllCommand implements Callable<Integer> {
    static final List<String> DEFAULT_DRAFTS = List.of("stories15M-f16", "stories15M-q8_0", "stories15M-q4_0",
            "stories15M-q8_0-l5", "stories15M-q8_0-l4");

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    StoreOption store;

    @Option(names = "--target", defaultValue = "stories15M-f32", paramLabel = "M", description = "Target model.")
    String target;

    @Option(names = "--drafts", split = ",", paramLabel = "M", description = "Draft models.")
    List<String> drafts = new ArrayList<>(DEFAULT_DRAFTS);

    @Option(names = "--device", paramLabel = "NAME", description = "Device name the profiles are stored under. Default: the CPU model.")
    String device;

    @Option(names = "--meter", defaultValue = "auto", paramLabel = "KIND",
            description = "Power meter: auto, rapl, pmic, hwmon, iio, tegrastats, battery, nvidia-smi, cpu-model, none.")
    String meter;

    @Option(names = "--prompts", defaultValue = "builtin", paramLabel = "builtin|dolly|FILE",
            description = "Prompts for acceptance: the built-in TinyStories openings, Dolly 15k (built in; a seeded sample of"
                    + " --n-prompts), or a .txt/.jsonl file.")
    String prompts;

    @Option(names = "--dolly", paramLabel = "FILE", description = "Your own Dolly 15k JSON Lines file (.jsonl or .jsonl.gz)"
            + " instead of the built-in copy (with --prompts dolly).")
    Path dolly;

    @Option(names = "--n-prompts", defaultValue = "12", description = "Prompts to use (seeded sample).")
    int nPrompts;

    @Option(names = "--tokens", defaultValue = "128", description = "Target tokens per prompt.")
    int tokens;

    @Option(names = "--k-max", defaultValue = "10", description = "Largest K for acceptance and time to draft K.")
    int kMax;

    @Option(names = "--reps", defaultValue = "5", description = "Timed repetitions of each speed series.")
    int reps;

    @Option(names = "--threads", defaultValue = "2", description = "CPU threads.")
    int threads;

    @Option(names = "--seed", defaultValue = "42", description = "Seed (prompt sampling, bootstrap).")
    long seed;

    @Option(names = "--idle-seconds", defaultValue = "2", paramLabel = "DURATION",
            description = "Idle power baseline before profiling (seconds, or 500ms).")
    Duration idleSeconds;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        String dev = device == null ? ProcSelf.cpuModel() : device;
        List<String> promptTexts = promptTexts();
        DraftBenchSettings bench = new DraftBenchSettings(List.of(0, 128), 32, 64, Math.min(kMax, 64), 16, 1, reps, threads);
        AlignSettings align = AlignSettings.defaults().withKMax(kMax).withTokens(tokens);
        align = new AlignSettings(align.kMax(), align.tokens(), Math.min(align.headlineK(), kMax), align.sampling(), seed, threads,
                align.untilCi(), Math.min(align.minPrompts(), promptTexts.size()), align.maxPrompts(), align.targetPass());
        String runKey = "profile-all:" + Integer.toHexString(List.of(target, String.join(",", drafts), dev, meter, prompts,
                nPrompts, tokens, kMax, reps, threads, seed).hashCode());
        ProfileAllSettings settings = new ProfileAllSettings(target, drafts, dev, bench, runKey);
        ModelStore models = ModelStore.defaultStore();
        try (ProfileStore s = store.open(); PowerMeter m = openMeter()) {
            double idleW = Double.NaN;
            if (m != null) {
                err.println("configspec profile all: power meter " + m.info().kind() + (m.info().estimate() ? " (ESTIMATE)" : "")
                        + "; idle baseline for " + Durations.format(idleSeconds));
                err.flush();
                PowerMeter.Window w = m.start();
                Thread.sleep(idleSeconds.toMillis());
                idleW = w.stop().meanWatts();
            }
            var probe = m == null ? org.configspec.profile.draft.EnergyProbe.none() : new MeterEnergyProbe(m);
            List<String> labels = ProfileAll.steps(settings).stream().map(t -> t.kind() + " " + t.draft()).toList();
            int steps = labels.size();
            try (ProgressBar bar = new ProgressBarBuilder().setTaskName("profile all").setInitialMax(steps)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).build()) {
                DraftBench draftBench = new DraftBench(models, probe, msg -> {
                    if (msg.startsWith("warning: ")) {
                        err.println("configspec profile all: " + msg);
                        err.flush();
                    }
                });
                ProfileAll job = new ProfileAll(s, draftBench,
                        new AlignAcceptanceMeasurer(models, align, promptTexts, describePrompts()), step -> {
                            // called as a step starts: the steps before it (measured or resumed) are the ones done
                            bar.setExtraMessage(step);
                            bar.stepTo(Math.max(0, labels.indexOf(step)));
                        });
                ResumableRun.Outcome outcome = job.run(settings, idleW);
                bar.stepTo(steps);
                PrintWriter out = spec.commandLine().getOut();
                out.println("profiled " + drafts.size() + " drafts against " + target + " on '" + dev + "' into " + s.location()
                        + ": " + outcome.recorded() + " steps measured now, " + outcome.skipped() + " already done (run "
                        + outcome.run().id() + ")");
                out.println("next: configspec select --store " + s.location() + " --price-output <$ per million tokens>");
                out.flush();
            }
        }
        return 0;
    }

    private PowerMeter openMeter() {
        if (meter.equalsIgnoreCase("none")) {
            return null;
        }
        MeterKind kind = MeterKind.parse(meter, "--meter");
        return PowerMeters.open(PowerMeterSpec.of(kind).withInterval(Duration.ofMillis(100)));
    }

    private List<String> promptTexts() {
        if (nPrompts < 1) {
            throw new ConfigSpecException("--n-prompts must be >= 1, got " + nPrompts);
        }
        List<String> all = PromptSource.named(prompts, dolly, nPrompts, seed).prompts();
        return all.subList(0, Math.min(nPrompts, all.size()));
    }

    private String describePrompts() {
        return prompts + " (" + nPrompts + " prompts)";
    }
}
