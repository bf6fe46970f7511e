package org.configspec.profile.run;

import java.util.List;
import org.configspec.core.units.Durations;
import org.configspec.llm.model.ModelStore;
import org.configspec.profile.align.AlignSettings;
import org.configspec.profile.align.PromptSource;
import org.configspec.profile.align.RemoteAlignment;
import org.configspec.profile.draft.DraftBench;
import org.configspec.profile.draft.DraftBenchSettings;
import org.configspec.profile.draft.EnergyProbe;
import org.configspec.profile.draft.ProcSelf;
import org.configspec.profile.power.PowerMeter;
import org.configspec.store.ProfileStore;
import org.configspec.store.ResumableRun;

/**
 * The whole of {@code profile all}: the prompts, the bench and alignment settings, the run key, the idle power
 * baseline, then {@link ProfileAll} over the store. The command only opens the store and the meter, shows progress and
 * prints the result.
 */
public final class ProfileAllJob {
    /** What the job reports while it runs. */
    public interface Listener {
        /** A line for the user (meter, baseline). */
        void info(String line);

        /** A warning, e.g. a measurement taken while the machine was busy. */
        void warning(String line);

        /** The step {@code label} starts; {@code done} of {@code total} steps are behind it (measured or resumed). */
        void step(int done, int total, String label);
    }

    /** The outcome: where the profiles went, under which device name, and how many steps were measured now. */
    public record Result(String device, String location, ResumableRun.Outcome outcome) {
    }

    private ProfileAllJob() {
    }

    /**
     * Runs the job.
     *
     * @param meter the power meter, or null for none (power is then unknown)
     */
    public static Result run(ProfileAllRequest r, ProfileStore store, PowerMeter meter, ModelStore models,
                             Listener listener) throws InterruptedException {
        return run(r, store, meter, models, null, listener);
    }

    /**
     * Runs the job with the target on a serving engine.
     *
     * @param remote the remote target (its name is {@code r.target()}), or null for a local target
     */
    public static Result run(ProfileAllRequest r, ProfileStore store, PowerMeter meter, ModelStore models,
                             RemoteAlignment.Remote remote, Listener listener) throws InterruptedException {
        String dev = r.device() == null ? ProcSelf.cpuModel() : r.device();
        List<String> all = PromptSource.named(r.prompts(), r.dolly(), r.nPrompts(), r.seed()).prompts();
        List<String> promptTexts = all.subList(0, Math.min(r.nPrompts(), all.size()));
        DraftBenchSettings bench = new DraftBenchSettings(List.of(0, 128), 32, 64, Math.min(r.kMax(), 64), 16, 1,
                r.reps(), r.threads());
        AlignSettings a = AlignSettings.defaults().withKMax(r.kMax()).withTokens(r.tokens());
        AlignSettings align = new AlignSettings(a.kMax(), a.tokens(), Math.min(a.headlineK(), r.kMax()), a.sampling(),
                r.seed(), r.threads(), a.untilCi(), Math.min(a.minPrompts(), promptTexts.size()), a.maxPrompts(),
                a.targetPass());
        ProfileAllSettings settings = new ProfileAllSettings(r.target(), r.drafts(), dev, bench, r.runKey(dev));
        double idleW = Double.NaN;
        if (meter != null) {
            listener.info("power meter " + meter.info().kind() + (meter.info().estimate() ? " (ESTIMATE)" : "")
                    + "; idle baseline for " + Durations.format(r.idle()));
            PowerMeter.Window w = meter.start();
            Thread.sleep(r.idle().toMillis());
            idleW = w.stop().meanWatts();
        }
        EnergyProbe probe = meter == null ? EnergyProbe.none() : new MeterEnergyProbe(meter);
        List<String> labels = ProfileAll.steps(settings).stream().map(t -> t.kind() + " " + t.draft()).toList();
        DraftBench draftBench = new DraftBench(models, probe, msg -> {
            if (msg.startsWith("warning: ")) {
                listener.warning(msg.substring("warning: ".length()));
            }
        });
        String prompts = r.prompts() + " (" + r.nPrompts() + " prompts)";
        ProfileAll job = new ProfileAll(store, draftBench,
                remote == null ? new AlignAcceptanceMeasurer(models, align, promptTexts, prompts)
                        : new RemoteAcceptanceMeasurer(models, remote, align, promptTexts, prompts, store),
                step -> listener.step(Math.max(0, labels.indexOf(step)), labels.size(), step));
        ResumableRun.Outcome outcome = job.run(settings, idleW);
        listener.step(labels.size(), labels.size(), "done");
        return new Result(dev, store.location(), outcome);
    }
}
