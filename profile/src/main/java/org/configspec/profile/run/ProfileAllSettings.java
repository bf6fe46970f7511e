package org.configspec.profile.run;

import java.util.List;
import org.configspec.core.error.Check;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.profile.draft.DraftBenchSettings;

/**
 * What {@code configspec profile all} measures: every draft's speed (and power) on this device, and every draft's
 * acceptance against the target.
 *
 * @param target   target model (name or path)
 * @param drafts   draft models (names or paths), distinct
 * @param device   the device name profiles are stored under
 * @param bench    drafting-speed settings
 * @param runKey   the run-log key: the same key resumes an interrupted run
 */
public record ProfileAllSettings(String target, List<String> drafts, String device, DraftBenchSettings bench, String runKey) {
    public ProfileAllSettings {
        Check.name("--target", target);
        Check.name("--device", device);
        Check.present("drafting settings", bench);
        Check.name("run key", runKey);
        drafts = List.copyOf(drafts);
        if (drafts.isEmpty()) {
            throw new ConfigSpecException("--drafts must name at least one draft model");
        }
        if (drafts.stream().distinct().count() != drafts.size()) {
            throw new ConfigSpecException("--drafts must be distinct, got " + drafts);
        }
    }
}
