package org.configspec.profile.align;

import java.util.List;
import org.configspec.core.acceptance.AcceptanceProfile;
import org.configspec.core.error.Check;

/**
 * The result of acceptance profiling: provenance and the acceptance of each draft.
 *
 * @param provenance where the figures come from
 * @param drafts     one entry per draft, in the order given
 */
public record AlignResult(Provenance provenance, List<DraftAcceptance> drafts) {
    public AlignResult {
        Check.present("provenance", provenance);
        drafts = List.copyOf(drafts);
    }

    /** The core acceptance profiles, one per draft. */
    public List<AcceptanceProfile> acceptanceProfiles() {
        String source = provenance.tool() + " profile align, " + provenance.date() + ", " + provenance.promptsUsed()
                + " prompts from " + provenance.prompts() + ", " + provenance.tokens() + " greedy target tokens each";
        return drafts.stream().map(d -> d.toAcceptanceProfile(provenance.target(), source)).toList();
    }
}
