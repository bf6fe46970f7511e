package org.configspec.profile.power;

import java.util.List;

/** What {@code --meter auto} chose, why, and why each meter before it in the priority order was skipped. */
public record AutoSelection(MeterKind chosen, String reason, List<String> skipped) {
    public AutoSelection {
        skipped = List.copyOf(skipped);
    }

    /** One line: "auto chose X: reason; skipped: a (why), b (why)". */
    public String describe() {
        return "auto chose " + chosen.cliName() + ": " + reason
                + (skipped.isEmpty() ? "" : "; skipped: " + String.join("; ", skipped));
    }
}
