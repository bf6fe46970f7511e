package org.configspec.profile.align;

import org.configspec.core.json.MachineJson;

/** Writes an {@link AlignResult} as JSON (records as objects; numbers and unknown spreads by {@link MachineJson#report()}). */
public final class AlignJson {
    private AlignJson() {
    }

    public static String render(AlignResult r) {
        return MachineJson.write(MachineJson.report(), r);
    }
}
