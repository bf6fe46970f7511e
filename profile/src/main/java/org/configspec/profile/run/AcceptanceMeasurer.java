package org.configspec.profile.run;

import org.configspec.core.acceptance.AcceptanceProfile;
import org.configspec.store.RemoteSource;

/** Measures the acceptance of one draft model against one target (the seam to acceptance profiling). */
@FunctionalInterface
public interface AcceptanceMeasurer {
    Measured measure(String target, String draft);

    /**
     * An acceptance profile with how it was measured.
     *
     * @param draftSha256 sha256 of the draft model file, or ""
     * @param threads     threads used, 0 where unknown
     * @param seed        seed used, or null
     * @param date        ISO-8601 time of the measurement
     * @param tool        tool and version
     * @param remote      the serving engine the target ran on, or null for a local target
     */
    record Measured(AcceptanceProfile profile, String draftSha256, int threads, Long seed, String date, String tool,
                    RemoteSource remote) {
    }
}
