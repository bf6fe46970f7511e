package org.configspec.profile.run;

import org.configspec.core.acceptance.AcceptanceProfile;

/** Measures the acceptance of one draft model against one target (the seam to acceptance profiling). */
@FunctionalInterface
public interface AcceptanceMeasurer {
    AcceptanceProfile measure(String target, String draft);
}
