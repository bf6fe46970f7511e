package org.configspec.profile.run;

import java.util.List;
import org.configspec.llm.model.ModelStore;
import org.configspec.profile.align.AlignResult;
import org.configspec.profile.align.AlignSettings;
import org.configspec.profile.align.AlignmentProfiler;
import org.configspec.profile.align.ProfilingModels;

/** Acceptance of one draft against the target through one-pass alignment profiling over the given prompts. */
public final class AlignAcceptanceMeasurer implements AcceptanceMeasurer {
    private final ModelStore models;
    private final AlignSettings settings;
    private final List<String> prompts;
    private final String source;

    public AlignAcceptanceMeasurer(ModelStore models, AlignSettings settings, List<String> prompts, String source) {
        this.models = models;
        this.settings = settings;
        this.prompts = List.copyOf(prompts);
        this.source = source;
    }

    @Override
    public Measured measure(String target, String draft) {
        try (ProfilingModels m = new ProfilingModels(models, target, List.of(draft), settings.threads())) {
            AlignResult r = new AlignmentProfiler(m.target(), m.targetRef(), m.drafts(), settings).run(prompts, source);
            var p = r.provenance();
            return new Measured(r.acceptanceProfiles().get(0), r.drafts().get(0).draft().sha256(), p.threads(), p.seed(),
                    p.date(), p.tool() + " profile align", null);
        }
    }
}
