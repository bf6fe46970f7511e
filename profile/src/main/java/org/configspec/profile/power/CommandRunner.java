package org.configspec.profile.power;

import java.util.List;

/** The seam for one-shot commands such as {@code vcgencmd pmic_read_adc} or {@code nvidia-smi}. */
@FunctionalInterface
public interface CommandRunner {
    /** Runs the command to completion; throws {@link org.configspec.core.error.ConfigSpecException} when it cannot start. */
    CommandResult run(List<String> command);
}
