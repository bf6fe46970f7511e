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
import org.configspec.llm.model.ModelStore;
import org.configspec.profile.power.MeterKind;
import org.configspec.profile.power.PowerMeter;
import org.configspec.profile.power.PowerMeterSpec;
import org.configspec.profile.power.PowerMeters;
import org.configspec.profile.run.ProfileAllJob;
import org.configspec.profile.run.ProfileAllRequest;
import org.configspec.profile.align.RemoteAlignment;
import org.configspec.llm.remote.RemoteTarget;
import org.configspec.store.ProfileStore;
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

    @Option(names = "--target", paramLabel = "M", description = "Target model (default stories15M-f32; with"
            + " --target-url the name its profiles carry, default the server's model id).")
    String target;

    @Mixin
    TargetUrlOptions remote;

    @Option(names = "--top-n", paramLabel = "N", defaultValue = "0", description = "With --target-url: "
            + "log-probabilities asked per generated position (recorded; greedy acceptance needs none).")
    int topN;

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
        try (RemoteTarget t = remote.given() ? remote.open() : null; ProfileStore s = store.open();
             PowerMeter m = openMeter(); Bar bar = new Bar()) {
            String name = target != null ? target : t != null ? t.identity().modelId() : "stories15M-f32";
            String url = t == null ? null : remote.endpoint().url().toString();
            ProfileAllRequest request = new ProfileAllRequest(name, drafts, device, prompts, dolly, nPrompts, tokens,
                    kMax, reps, threads, seed, meter, idleSeconds, t == null ? null : t.identity().api().cliName());
            ProfileAllJob.Result r = ProfileAllJob.run(request, s, m, ModelStore.defaultStore(),
                    t == null ? null : new RemoteAlignment.Remote(t, url, name, topN),
                    new ProfileAllJob.Listener() {
                        @Override
                        public void info(String line) {
                            err.println("configspec profile all: " + line);
                            err.flush();
                        }

                        @Override
                        public void warning(String line) {
                            info("warning: " + line);
                        }

                        @Override
                        public void step(int done, int total, String label) {
                            bar.step(done, total, label);
                        }
                    });
            PrintWriter out = spec.commandLine().getOut();
            out.println("profiled " + drafts.size() + " drafts against " + name + " on '" + r.device() + "' into "
                    + r.location() + ": " + r.outcome().recorded() + " steps measured now, " + r.outcome().skipped()
                    + " already done (run " + r.outcome().run().id() + ")");
            out.println("next: configspec select --store " + r.location() + " --price-output <$ per million tokens>");
            out.flush();
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

    /** The progress bar, drawn from the first step on (after the meter's baseline lines). */
    private static final class Bar implements AutoCloseable {
        private ProgressBar bar;

        void step(int done, int total, String label) {
            if (bar == null) {
                bar = new ProgressBarBuilder().setTaskName("profile all").setInitialMax(total)
                        .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).build();
            }
            bar.setExtraMessage(label);
            bar.stepTo(done);
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }
}
