package org.configspec.profile.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.configspec.core.acceptance.AcceptanceProfile;
import org.configspec.core.domain.Device;
import org.configspec.core.domain.DraftModel;
import org.configspec.core.profile.DraftProfile;
import org.configspec.profile.draft.DraftBench;
import org.configspec.profile.draft.DraftMeasurement;
import org.configspec.store.AcceptanceDocument;
import org.configspec.store.DraftDocument;
import org.configspec.store.ProfileDocument;
import org.configspec.store.ProfileProvenance;
import org.configspec.store.ProfileStore;
import org.configspec.store.ResumableRun;

/**
 * The whole profiling job on one device: for each draft, its drafting speed (and power) and its acceptance against
 * the target, each stored as a profile document the moment it is measured, together with its run-log item in one
 * transaction, so a run killed at any point resumes where it stopped (same run key), loses nothing it had completed
 * and stores no step's document twice.
 */
public final class ProfileAll {
    /** One unit of work: measure a draft's speed, or its acceptance. */
    public record Step(String kind, String draft) {
        String key() {
            return kind + ":" + draft;
        }
    }

    private final ProfileStore store;
    private final DraftBench bench;
    private final AcceptanceMeasurer acceptance;
    private final Consumer<String> progress;

    public ProfileAll(ProfileStore store, DraftBench bench, AcceptanceMeasurer acceptance, Consumer<String> progress) {
        this.store = store;
        this.bench = bench;
        this.acceptance = acceptance;
        this.progress = progress;
    }

    public static List<Step> steps(ProfileAllSettings s) {
        List<Step> steps = new ArrayList<>();
        for (String d : s.drafts()) {
            steps.add(new Step(DraftDocument.KIND, d));
        }
        for (String d : s.drafts()) {
            steps.add(new Step(AcceptanceDocument.KIND, d));
        }
        return steps;
    }

    public ResumableRun.Outcome run(ProfileAllSettings s, double idleWatts) {
        String params = "{\"target\":\"" + s.target() + "\",\"drafts\":\"" + String.join(",", s.drafts()) + "\",\"device\":\""
                + s.device() + "\"}";
        ResumableRun run = new ResumableRun(store, s.runKey(), params);
        return run.runStoring(steps(s), Step::key, step -> {
            progress.accept(step.kind() + " " + step.draft());
            return step.kind().equals(DraftDocument.KIND) ? draftDoc(s, step.draft(), idleWatts)
                    : acceptanceDoc(s, step.draft());
        });
    }

    private ProfileDocument draftDoc(ProfileAllSettings s, String draft, double idleWatts) {
        DraftMeasurement m = bench.measure(draft, s.bench());
        DraftProfile p = m.toProfile(s.device());
        DraftModel model = new DraftModel(p.draft(), family(m.model().name()), m.model().parameters() / 1e9, "",
                m.model().quant(), m.memory().modelFileBytes(), "");
        Device device = new Device(s.device(), HostMemory.totalBytes(), idleWatts, "profiled by configspec profile all");
        ProfileProvenance prov = new ProfileProvenance(m.host().tool() + "; " + m.host().runtime(), m.model().sha256(),
                m.model().quant(), s.device(), m.powerMethod(), s.bench().threads(), null, m.date(),
                org.configspec.profile.draft.Contention.of(m));
        return new DraftDocument(p, model, m.model().sha256(), device, prov).toDocument(Instant.now());
    }

    private ProfileDocument acceptanceDoc(ProfileAllSettings s, String draft) {
        AcceptanceMeasurer.Measured m = acceptance.measure(s.target(), draft);
        AcceptanceProfile a = m.profile();
        ProfileProvenance prov = new ProfileProvenance(m.tool(), m.draftSha256(), a.quant(), s.device(), "", m.threads(),
                m.seed(), m.date());
        return new AcceptanceDocument(a, family(a.target()), "", prov, m.remote()).toDocument(Instant.now());
    }

    /** "stories15M-q8_0-l5" → "stories15M": the family is the name up to its first '-'. */
    static String family(String name) {
        int dash = name.indexOf('-');
        return dash > 0 ? name.substring(0, dash) : name;
    }
}
