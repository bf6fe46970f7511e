package org.configspec.profile.run;

import java.util.List;
import org.configspec.llm.model.ModelStore;
import org.configspec.profile.align.AlignResult;
import org.configspec.profile.align.AlignSettings;
import org.configspec.profile.align.ProfilingModels;
import org.configspec.profile.align.RemoteAlignment;
import org.configspec.store.ProfileStore;

/**
 * Acceptance of one draft against a target on a serving engine ({@link RemoteAlignment}). The continuations are
 * recorded in the store's run log per prompt, under a key that does not depend on the draft, so the campaign sends
 * one request per prompt for all drafts together and an interrupted one resumes without a prompt lost or repeated.
 */
public final class RemoteAcceptanceMeasurer implements AcceptanceMeasurer {
    private final ModelStore models;
    private final RemoteAlignment.Remote remote;
    private final AlignSettings settings;
    private final List<String> prompts;
    private final String source;
    private final ProfileStore store;

    public RemoteAcceptanceMeasurer(ModelStore models, RemoteAlignment.Remote remote, AlignSettings settings,
                                    List<String> prompts, String source, ProfileStore store) {
        this.models = models;
        this.remote = remote;
        this.settings = settings;
        this.prompts = List.copyOf(prompts);
        this.source = source;
        this.store = store;
    }

    @Override
    public Measured measure(String target, String draft) {
        try (ProfilingModels m = ProfilingModels.draftsOnly(models, List.of(draft), settings.threads())) {
            AlignResult r = RemoteAlignment.run(remote, m.drafts(), settings, prompts, source, store, step -> { });
            var p = r.provenance();
            return new Measured(r.acceptanceProfiles().get(0), r.drafts().get(0).draft().sha256(), p.threads(),
                    p.seed(), p.date(), p.tool() + " profile align --target-url", p.remote().source());
        }
    }
}
